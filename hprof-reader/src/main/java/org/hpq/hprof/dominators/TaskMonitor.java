package org.hpq.hprof.dominators;

import java.util.Objects;
import java.util.concurrent.CancellationException;
import java.util.function.BooleanSupplier;

/**
 * How a long computation learns that it should stop, and where it reports how far it got.
 * Computations call {@link #checkpoint} every few tens of thousands of steps, so cancellation
 * takes effect within milliseconds. Thread safety is that of the two functions given.
 *
 * @param cancelled answers true once the caller wants the work to stop
 * @param listener receives progress reports, on the computing thread
 */
public record TaskMonitor(BooleanSupplier cancelled, ProgressListener listener) {
  /** Never cancelled, reports nowhere. */
  public static final TaskMonitor NONE = new TaskMonitor(() -> false, (phase, done, total) -> {});

  public TaskMonitor {
    Objects.requireNonNull(cancelled, "cancelled");
    Objects.requireNonNull(listener, "listener");
  }

  /**
   * Reports progress, then throws {@link CancellationException} (naming {@code phase}) if the
   * work was cancelled.
   *
   * @param phase a short lower-case name of the current phase, e.g. {@code "numbering"}
   * @param done units finished in this phase
   * @param total units in this phase, or {@code -1} when unknown
   */
  public void checkpoint(String phase, long done, long total) {
    listener.progress(phase, done, total);
    if (cancelled.getAsBoolean()) {
      throw new CancellationException("cancelled during " + phase);
    }
  }
}
