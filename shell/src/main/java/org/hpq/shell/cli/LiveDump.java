package org.hpq.shell.cli;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.TimeUnit;

/** Dumps a running JVM with {@code jcmd PID GC.heap_dump} into the cache directory. */
final class LiveDump {
  private LiveDump() {}

  static Path take(long pid, Path cacheDirectory) throws IOException, InterruptedException {
    Files.createDirectories(cacheDirectory);
    Path dump = cacheDirectory.resolve("pid-" + pid + "-" + System.currentTimeMillis() + ".hprof").toAbsolutePath();
    String jcmd = Path.of(System.getProperty("java.home"), "bin", "jcmd").toString();
    if (!Files.isExecutable(Path.of(jcmd))) {
      jcmd = "jcmd";
    }
    Process process =
        new ProcessBuilder(List.of(jcmd, Long.toString(pid), "GC.heap_dump", dump.toString()))
            .redirectErrorStream(true)
            .start();
    process.getOutputStream().close();
    String output = new String(process.getInputStream().readAllBytes()).strip();
    if (!process.waitFor(10, TimeUnit.MINUTES) || process.exitValue() != 0 || !Files.isRegularFile(dump)) {
      process.destroyForcibly();
      throw new IOException("jcmd could not dump process " + pid + ": " + output);
    }
    return dump;
  }
}
