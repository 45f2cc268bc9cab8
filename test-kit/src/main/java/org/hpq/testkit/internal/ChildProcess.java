package org.hpq.testkit.internal;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;
import java.util.function.Predicate;

/**
 * A child process whose standard output is read line by line on a daemon thread and whose
 * standard error goes to a file. {@link #close()} kills it if it is still alive.
 */
public final class ChildProcess implements AutoCloseable {
  private static final String END_OF_OUTPUT = "\u0000end";

  private final Process process;
  private final Path stderrFile;
  private final StringBuffer stdout = new StringBuffer();
  private final BlockingQueue<String> lines = new LinkedBlockingQueue<>();
  private volatile boolean outputEnded;

  private ChildProcess(Process process, Path stderrFile) {
    this.process = process;
    this.stderrFile = stderrFile;
    Thread reader = new Thread(this::readStdout, "child-stdout-" + process.pid());
    reader.setDaemon(true);
    reader.start();
  }

  /** Starts {@code command}; its standard error is written to {@code stderrFile}. */
  public static ChildProcess start(List<String> command, Path stderrFile) throws IOException {
    ProcessBuilder builder = new ProcessBuilder(command);
    builder.redirectError(stderrFile.toFile());
    return new ChildProcess(builder.start(), stderrFile);
  }

  /** The operating system's process id. */
  public long pid() {
    return process.pid();
  }

  /**
   * Waits for a line matching {@code accept}; returns it, or null on timeout or end of output.
   */
  public String awaitLine(Predicate<String> accept, Duration timeout) throws InterruptedException {
    long deadline = System.nanoTime() + timeout.toNanos();
    while (true) {
      long left = deadline - System.nanoTime();
      String line = left <= 0 ? null : lines.poll(left, TimeUnit.NANOSECONDS);
      if (line == null || line.equals(END_OF_OUTPUT)) {
        if (line != null) {
          lines.add(END_OF_OUTPUT); // later calls see the end too
        }
        return null;
      }
      if (accept.test(line)) {
        return line;
      }
    }
  }

  /** Writes one line to the child's standard input. */
  public void sendLine(String line) throws IOException {
    OutputStream in = process.getOutputStream();
    in.write((line + "\n").getBytes(StandardCharsets.UTF_8));
    in.flush();
  }

  /** Closes the child's standard input and waits for it to end; true if it ended in time. */
  public boolean closeInputAndWait(Duration timeout) throws InterruptedException {
    try {
      process.getOutputStream().close();
    } catch (IOException ignored) {
      // the child may already be gone; waiting below tells
    }
    return process.waitFor(timeout.toMillis(), TimeUnit.MILLISECONDS);
  }

  /** Waits up to {@code timeout} for the process to end; true if it has ended. */
  public boolean awaitExit(Duration timeout) throws InterruptedException {
    return process.waitFor(timeout.toMillis(), TimeUnit.MILLISECONDS);
  }

  /** Whether the child's standard output has reached its end. */
  public boolean outputEnded() {
    return outputEnded;
  }

  /** Whether the process is alive. */
  public boolean isAlive() {
    return process.isAlive();
  }

  /** Standard output so far, then standard error, for diagnostics. */
  public String output() {
    String stderr;
    try {
      stderr = Files.exists(stderrFile) ? Files.readString(stderrFile, StandardCharsets.UTF_8) : "";
    } catch (IOException e) {
      stderr = "(stderr unreadable: " + e + ")";
    }
    String exit = process.isAlive() ? "running" : "exit code " + process.exitValue();
    return "--- child " + process.pid() + " (" + exit + ") stdout:\n" + stdout
        + "--- stderr:\n" + stderr;
  }

  /** Kills the process (and its descendants) if still alive. */
  @Override
  public void close() {
    if (process.isAlive()) {
      process.descendants().forEach(ProcessHandle::destroyForcibly);
      process.destroyForcibly();
      try {
        process.waitFor(10, TimeUnit.SECONDS);
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
      }
    }
  }

  private void readStdout() {
    try (BufferedReader reader = new BufferedReader(
        new InputStreamReader(process.getInputStream(), StandardCharsets.UTF_8))) {
      for (String line = reader.readLine(); line != null; line = reader.readLine()) {
        stdout.append(line).append('\n');
        lines.add(line);
      }
    } catch (IOException e) {
      stdout.append("(stdout read failed: ").append(e).append(")\n");
    } finally {
      outputEnded = true;
      lines.add(END_OF_OUTPUT);
    }
  }
}
