package org.hpq.hprof;

/**
 * Receives progress of long work (indexing, dominators). Called from the working thread, at most a
 * few hundred times a phase; implementations must be quick.
 */
@FunctionalInterface
public interface ProgressListener {
  ProgressListener NONE = (phase, done, total) -> {};

  /**
   * @param phase what is being done, e.g. {@code "scanning records"}
   * @param done units done so far
   * @param total units in all, or -1 when unknown
   */
  void progress(String phase, long done, long total);
}
