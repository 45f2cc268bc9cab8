package org.hpq.hprof.dominators.internal;

/**
 * Software prefetching by plain reads. A loop that is bound by the latency of random reads, and
 * knows which elements it will read a few steps ahead (the semidominator loop), reads those
 * elements early and throw the value away: the cache misses of the early reads overlap the
 * work of the current steps instead of stalling the steps that need them. The values read are
 * summed and passed to {@link #consume}, so that the compiler cannot drop the reads. Reading never
 * changes anything, so the early reads need not be exact: a value read early and changed before
 * it is used is simply read again.
 */
final class Prefetch {
  /**
   * How many elements ahead the loops read: of 0, 16 and 64, 16 made the semidominator loop of
   * the benchmark dump about 18% faster, 64 no faster than 0.
   */
  static final int DISTANCE = 16;

  @SuppressWarnings("unused")
  private static volatile long sink;

  private Prefetch() {}

  /** Keeps {@code values}, a sum of values read early, alive. */
  static void consume(long values) {
    sink = values;
  }
}
