package org.hpq.shell.cli;

import java.io.PrintWriter;
import org.hpq.hprof.ProgressListener;

/** A one-line progress bar on a terminal, redrawn in place with a carriage return. */
final class ProgressBar implements ProgressListener {
  private static final int WIDTH = 30;
  private final PrintWriter out;
  private String lastPhase;
  private int lastPercent = -1;

  ProgressBar(PrintWriter out) {
    this.out = out;
  }

  @Override
  public synchronized void progress(String phase, long done, long total) {
    int percent = total > 0 ? (int) Math.min(100, done * 100 / total) : 0;
    if (phase.equals(lastPhase) && percent == lastPercent) {
      return;
    }
    if (lastPhase != null && !phase.equals(lastPhase)) {
      // A new phase means the last one is done, whatever it last reported.
      draw(lastPhase, 100);
      out.print('\n');
    }
    lastPhase = phase;
    lastPercent = percent;
    draw(phase, percent);
  }

  private void draw(String phase, int percent) {
    int filled = percent * WIDTH / 100;
    out.printf("\r%-28s [%s%s] %3d%%", phase, "#".repeat(filled), " ".repeat(WIDTH - filled), percent);
    out.flush();
  }

  /** Ends the bar's line, if one was drawn. */
  synchronized void finish() {
    if (lastPhase != null) {
      out.print("\r" + " ".repeat(WIDTH + 40) + "\r");
      out.flush();
      lastPhase = null;
    }
  }
}
