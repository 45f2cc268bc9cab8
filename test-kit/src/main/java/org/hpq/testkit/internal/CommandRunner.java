package org.hpq.testkit.internal;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.TimeUnit;

/** Runs a short command (jcmd) to completion with a timeout, output to a file. */
public final class CommandRunner {
  /**
   * The outcome of a command.
   *
   * @param exitCode the exit code, or -1 if it timed out (it was killed)
   * @param output standard output and error, merged
   */
  public record Outcome(int exitCode, String output) {
    /** Whether it ran to completion within the timeout. */
    public boolean timedOut() {
      return exitCode == -1;
    }
  }

  private CommandRunner() {}

  /** Runs {@code command}, writing its merged output to {@code outputFile}. */
  public static Outcome run(List<String> command, Path outputFile, Duration timeout)
      throws IOException, InterruptedException {
    Process process = new ProcessBuilder(command)
        .redirectErrorStream(true)
        .redirectOutput(outputFile.toFile())
        .redirectInput(ProcessBuilder.Redirect.from(nullFile()))
        .start();
    int exitCode;
    if (process.waitFor(timeout.toMillis(), TimeUnit.MILLISECONDS)) {
      exitCode = process.exitValue();
    } else {
      process.destroyForcibly();
      process.waitFor(10, TimeUnit.SECONDS);
      exitCode = -1;
    }
    return new Outcome(exitCode, Files.readString(outputFile, StandardCharsets.UTF_8));
  }

  private static java.io.File nullFile() {
    return new java.io.File(System.getProperty("os.name").startsWith("Windows") ? "NUL" : "/dev/null");
  }
}
