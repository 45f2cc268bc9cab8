package org.hpq.hprof.io;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.Random;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import java.util.zip.GZIPInputStream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;

/** Reads a dump made by {@code jcmd PID GC.heap_dump -gz=1} from a real child JVM. */
@Timeout(120)
class RealJdkGzipDumpTest {
  private static final long WAIT_SECONDS = 60;

  @TempDir Path directory;

  @Test
  void chunkedSourceEqualsSequentialGzipInflation() throws Exception {
    Path javaHome = Path.of(System.getProperty("java.home"));
    Path java = javaHome.resolve("bin/java");
    Path jcmd = javaHome.resolve("bin/jcmd");
    assumeTrue(Files.isExecutable(jcmd), "no jcmd in " + javaHome);
    Path classes =
        Path.of(SleepingChild.class.getProtectionDomain().getCodeSource().getLocation().toURI());
    Process child =
        new ProcessBuilder(
                java.toString(),
                "-Xmx64m",
                "-cp",
                classes.toString(),
                SleepingChild.class.getName())
            .redirectError(ProcessBuilder.Redirect.DISCARD)
            .start();
    Path dump = directory.resolve("child.hprof.gz");
    try {
      long pid = readPid(child);
      Process dumper =
          new ProcessBuilder(
                  jcmd.toString(), Long.toString(pid), "GC.heap_dump", "-gz=1", dump.toString())
              .redirectErrorStream(true)
              .start();
      CompletableFuture<byte[]> output =
          CompletableFuture.supplyAsync(() -> readAll(dumper.getInputStream()));
      assertThat(dumper.waitFor(WAIT_SECONDS, TimeUnit.SECONDS)).as("jcmd finished").isTrue();
      String said = new String(output.get(WAIT_SECONDS, TimeUnit.SECONDS), StandardCharsets.UTF_8);
      assertThat(dumper.exitValue()).as("jcmd said: %s", said).isZero();
      assertThat(dump).as("jcmd said: %s", said).isRegularFile();
    } finally {
      child.getOutputStream().close();
      if (!child.waitFor(WAIT_SECONDS, TimeUnit.SECONDS)) {
        child.destroyForcibly().waitFor(WAIT_SECONDS, TimeUnit.SECONDS);
      }
    }

    byte[] expected;
    try (InputStream input = new GZIPInputStream(Files.newInputStream(dump), 1 << 16)) {
      expected = input.readAllBytes();
    }
    assertThat(DumpSources.detect(dump)).isEqualTo(DumpFormat.CHUNKED_GZIP);
    try (ChunkedGzipSource source = ChunkedGzipSource.open(dump)) {
      assertThat(source.index().blockSize()).isEqualTo(1 << 20);
      assertThat(source.length()).isEqualTo(expected.length);
      byte[] actual = TestGzip.readAll(source, 4 << 20);
      assertThat(new String(actual, 0, 18, StandardCharsets.US_ASCII))
          .isEqualTo("JAVA PROFILE 1.0.2");
      assertThat(Arrays.equals(actual, expected))
          .as("plain bytes equal GZIPInputStream's")
          .isTrue();
      Random random = new Random(81);
      for (int i = 0; i < 300; i++) {
        long offset = random.nextInt(expected.length);
        ChunkedGzipSourceTest.assertReadEquals(
            source, expected, offset, random.nextInt(100), "seed 81 read " + i);
      }
    }
  }

  private static long readPid(Process child) throws Exception {
    BufferedReader lines =
        new BufferedReader(
            new InputStreamReader(child.getInputStream(), StandardCharsets.US_ASCII));
    CompletableFuture<String> line =
        CompletableFuture.supplyAsync(
            () -> {
              try {
                return lines.readLine();
              } catch (IOException e) {
                throw new java.io.UncheckedIOException(e);
              }
            });
    String pid = line.get(WAIT_SECONDS, TimeUnit.SECONDS);
    assertThat(pid).as("the child printed its pid").isNotNull().matches("[0-9]+");
    return Long.parseLong(pid);
  }

  private static byte[] readAll(InputStream input) {
    try {
      return input.readAllBytes();
    } catch (IOException e) {
      throw new java.io.UncheckedIOException(e);
    }
  }
}
