package org.hpq.shell.heap;

import java.io.PrintWriter;
import java.time.Duration;
import org.hpq.hprof.ProgressListener;

/**
 * Shows the progress of a long query on one terminal line ({@code byrcs 45%}), redrawn in
 * place; nothing for a phase that ends within the quiet period (a second in the shell), and the line is cleared when the work ends
 * or output follows ({@link #clear}).
 */
final class TerminalProgress implements ProgressListener {
  /** How long a phase runs before its progress line is drawn. */
  static final Duration QUIET = Duration.ofSeconds(1);

  private final PrintWriter out;
  private final long quietNanos;
  private String phase;
  private long phaseStart;
  private int shownLength;

  /** Draws on {@code out} once a phase has run for {@code quiet}. */
  TerminalProgress(PrintWriter out, Duration quiet) {
    this.out = out;
    this.quietNanos = quiet.toNanos();
  }

  @Override
  public synchronized void progress(String name, long done, long total) {
    if (Thread.currentThread().isInterrupted()) {
      // A cancelled query stops at its next check; one the REPL has given up waiting for (still
      // finishing in the background) must not draw over the next prompt.
      return;
    }
    long now = System.nanoTime();
    if (!name.equals(phase)) {
      clear();
      phase = name;
      phaseStart = now;
    }
    if (total > 0 && done >= total) {
      clear();
      return;
    }
    if (now - phaseStart < quietNanos) {
      return;
    }
    String percent = total > 0 ? (done * 100 / total) + "%" : done + "";
    String line = name + " " + percent + " (Ctrl-C cancels)";
    out.print("\r" + line);
    out.flush();
    shownLength = Math.max(shownLength, line.length());
  }

  /**
   * Clears the progress line if one is shown and forgets the phase, so that the next output starts
   * on an empty line: called when a phase ends and by the REPL before it prints (a value, an
   * error, "interrupted" after Ctrl-C, which leaves a phase unfinished). Thread-safe.
   */
  synchronized void clear() {
    if (shownLength > 0) {
      // Two blanks more for the "^C" that the terminal echoes after the line.
      out.print("\r" + " ".repeat(shownLength + 2) + "\r");
      out.flush();
      shownLength = 0;
    }
    phase = null;
  }
}
