package org.hpq.shell.heap;

import java.io.PrintWriter;
import org.hpq.hprof.ProgressListener;

/**
 * Shows the progress of a long query on one terminal line ({@code byrcs 45%}), redrawn in
 * place; nothing for work that ends within a second, and the line is cleared when the work ends.
 */
final class TerminalProgress implements ProgressListener {
  private static final long QUIET_NANOS = 1_000_000_000L;
  private final PrintWriter out;
  private String phase;
  private long phaseStart;
  private boolean shown;

  TerminalProgress(PrintWriter out) {
    this.out = out;
  }

  @Override
  public synchronized void progress(String name, long done, long total) {
    long now = System.nanoTime();
    if (!name.equals(phase)) {
      clear();
      phase = name;
      phaseStart = now;
    }
    if (total > 0 && done >= total) {
      clear();
      phase = null;
      return;
    }
    if (now - phaseStart < QUIET_NANOS) {
      return;
    }
    String percent = total > 0 ? (done * 100 / total) + "%" : done + "";
    out.print("\r" + name + " " + percent + " (Ctrl-C cancels)");
    out.flush();
    shown = true;
  }

  /** Clears the progress line if one is shown. */
  synchronized void clear() {
    if (shown) {
      out.print("\r" + " ".repeat(60) + "\r");
      out.flush();
      shown = false;
    }
  }
}
