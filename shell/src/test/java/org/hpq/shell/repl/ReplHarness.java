package org.hpq.shell.repl;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.PipedInputStream;
import java.io.PipedOutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.concurrent.TimeUnit;
import java.util.function.Function;
import java.util.function.UnaryOperator;
import org.hpq.shell.lang.Interpreter;
import org.jline.terminal.Terminal;
import org.jline.terminal.impl.DumbTerminal;
import org.jline.terminal.impl.ExternalTerminal;

/**
 * Runs a {@link Repl} on a terminal over pipes (a dumb one, or an ANSI one that echoes keys and
 * receives Ctrl-C), in a thread, for transcript tests.
 */
public final class ReplHarness implements AutoCloseable {
  private final PipedOutputStream keyboard = new PipedOutputStream();
  private final ByteArrayOutputStream screen = new ByteArrayOutputStream();
  private final Terminal terminal;
  private final Thread thread;
  private volatile int status = -1;

  /**
   * Starts a REPL. A dumb terminal has no completion, continuation prompt or Ctrl-C key; an ANSI
   * terminal (JLine's external terminal, which echoes the keys it receives) has all three.
   */
  ReplHarness(Interpreter interpreter, Path history, boolean ansi, UnaryOperator<ReplBuilder> settings)
      throws IOException {
    this(ansi, terminal -> settings.apply(Repl.builder(interpreter, terminal).historyFile(history)));
  }

  /** Starts the REPL that {@code repl} builds on a dumb or an ANSI terminal (see above). */
  public ReplHarness(boolean ansi, Function<Terminal, ReplBuilder> repl) throws IOException {
    PipedInputStream input = new PipedInputStream(keyboard, 1 << 16);
    terminal = ansi
        ? new ExternalTerminal("test", "ansi", input, screen, StandardCharsets.UTF_8)
        : new DumbTerminal("test", "dumb", input, screen, StandardCharsets.UTF_8);
    Repl built = repl.apply(terminal).build();
    thread = new Thread(() -> status = built.run(), "repl-under-test");
    thread.setDaemon(true);
    thread.start();
  }

  public Terminal terminal() {
    return terminal;
  }

  /** Sends keystrokes. */
  public void type(String keys) throws IOException {
    keyboard.write(keys.getBytes(StandardCharsets.UTF_8));
    keyboard.flush();
  }

  /** Everything printed so far, without ANSI escape sequences and carriage returns. */
  public String screen() {
    return rawScreen().replaceAll("\u001B\\[[0-9;?]*[A-Za-z]", "").replace("\r", "");
  }

  /** Everything printed so far, as printed. */
  public String rawScreen() {
    synchronized (screen) {
      return screen.toString(StandardCharsets.UTF_8);
    }
  }

  /** Waits (up to 20 s) until the screen contains {@code text} after {@code from}; returns the screen. */
  public String awaitScreen(String text, int from) throws InterruptedException {
    long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(20);
    while (System.nanoTime() < deadline) {
      String current = screen();
      if (current.indexOf(text, Math.min(from, current.length())) >= 0) {
        return current;
      }
      Thread.sleep(10);
    }
    throw new AssertionError("screen never showed " + text + ":\n" + screen());
  }

  /** Ends input (Ctrl-D at the end of the stream) and waits for the REPL to return. */
  public int finish() throws IOException, InterruptedException {
    keyboard.close();
    thread.join(TimeUnit.SECONDS.toMillis(20));
    if (thread.isAlive()) {
      throw new AssertionError("REPL did not end:\n" + screen());
    }
    return status;
  }

  @Override
  public void close() throws IOException {
    keyboard.close();
    terminal.close();
  }
}
