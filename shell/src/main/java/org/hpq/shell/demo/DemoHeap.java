package org.hpq.shell.demo;

import java.io.IOException;
import java.nio.file.AtomicMoveNotSupportedException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.List;
import java.util.concurrent.TimeUnit;

/**
 * The built-in demo heap: {@link DemoWorkload} run once in a child JVM of the same Java, its dump
 * kept in the cache directory and reused afterwards.
 */
public final class DemoHeap {
  /** Bumped when the workload changes, so an old cached dump is not reused. */
  static final String VERSION = "2";

  private DemoHeap() {}

  /** The demo dump in {@code cacheDirectory}, made first if missing. */
  public static Path ensure(Path cacheDirectory) throws IOException {
    Path dump = cacheDirectory.resolve("demo-" + VERSION + ".hprof");
    if (Files.isRegularFile(dump)) {
      return dump;
    }
    Files.createDirectories(cacheDirectory);
    Path temporary = cacheDirectory.resolve("demo-" + VERSION + "-" + ProcessHandle.current().pid() + ".tmp.hprof");
    Files.deleteIfExists(temporary);
    String java = ProcessHandle.current().info().command().orElse("java");
    Process process =
        new ProcessBuilder(
                // Serial GC compacts by sliding, so objects keep their allocation order: the
                // demo's objects come out in the same order every time.
                List.of(java, "-Xmx256m", "-XX:+UseSerialGC", "-cp", System.getProperty("java.class.path"),
                    DemoWorkload.class.getName(), temporary.toString()))
            .redirectErrorStream(true)
            .start();
    try {
      process.getOutputStream().close();
      byte[] output = process.getInputStream().readAllBytes();
      if (!process.waitFor(120, TimeUnit.SECONDS) || process.exitValue() != 0 || !Files.isRegularFile(temporary)) {
        process.destroyForcibly();
        throw new IOException("the demo workload failed: " + new String(output).strip());
      }
    } catch (InterruptedException e) {
      process.destroyForcibly();
      Thread.currentThread().interrupt();
      throw new IOException("interrupted while making the demo heap", e);
    }
    try {
      Files.move(temporary, dump, StandardCopyOption.ATOMIC_MOVE);
    } catch (AtomicMoveNotSupportedException e) {
      Files.move(temporary, dump, StandardCopyOption.REPLACE_EXISTING);
    }
    return dump;
  }
}
