package org.hpq.hprof.dominators;

import java.util.Objects;
import java.util.concurrent.CancellationException;
import java.util.function.BooleanSupplier;
import org.hpq.hprof.ProgressListener;

/**
 * How a long computation learns that it should stop, and where it reports how far it got.
 * Computations call {@link #checkpoint} every few tens of thousands of steps, so cancellation
 * takes effect within milliseconds; progress reports are passed on at most about ten times a
 * second. Safe to share between threads if the two functions are (the throttle is then shared).
 */
public final class TaskMonitor {
  private static final long REPORT_INTERVAL_NANOS = 100_000_000L;

  /** Never cancelled, reports nowhere. */
  public static final TaskMonitor NONE = new TaskMonitor(() -> false, ProgressListener.NONE);

  private final BooleanSupplier cancelled;
  private final ProgressListener listener;
  private volatile long lastReport = System.nanoTime() - REPORT_INTERVAL_NANOS;

  private TaskMonitor(BooleanSupplier cancelled, ProgressListener listener) {
    this.cancelled = Objects.requireNonNull(cancelled, "cancelled");
    this.listener = Objects.requireNonNull(listener, "listener");
  }

  /**
   * @param cancelled answers true once the caller wants the work to stop (e.g. after Ctrl-C)
   * @param listener receives progress reports, on the computing thread
   */
  public static TaskMonitor of(BooleanSupplier cancelled, ProgressListener listener) {
    return new TaskMonitor(cancelled, listener);
  }

  /**
   * Throws {@link CancellationException} (naming {@code phase}) if the work was cancelled, else
   * passes the progress on unless a report went out less than 0.1 s ago.
   *
   * @param phase a short lower-case name of the current phase, e.g. {@code "numbering"}
   * @param done units finished in this phase
   * @param total units in this phase, or {@code -1} when unknown
   */
  public void checkpoint(String phase, long done, long total) {
    if (cancelled.getAsBoolean()) {
      throw new CancellationException("cancelled during " + phase);
    }
    long now = System.nanoTime();
    if (now - lastReport >= REPORT_INTERVAL_NANOS) {
      lastReport = now;
      listener.progress(phase, done, total);
    }
  }
}
