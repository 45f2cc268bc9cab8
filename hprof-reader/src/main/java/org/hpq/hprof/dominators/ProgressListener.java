package org.hpq.hprof.dominators;

/** Receives progress reports of a long computation; see {@link TaskMonitor}. */
@FunctionalInterface
public interface ProgressListener {
  /**
   * @param phase a short lower-case name of the current phase
   * @param done units finished in this phase
   * @param total units in this phase, or {@code -1} when unknown
   */
  void progress(String phase, long done, long total);
}
