package org.hpq.hprof.internal;

import org.hpq.hprof.store.IntArray;

/**
 * Which objects have a referrer, before the inbound lists exist (they are built after the implied
 * edges are spliced in, by {@link org.hpq.hprof.graph.EdgeTransposer}).
 */
final class Referrers {
  private Referrers() {}

  /**
   * A bit set of the nodes with at least one inbound edge among the first {@code edges} of {@code
   * outTargets}: bit {@code v & 63} of word {@code v >>> 6}. One sequential pass in bulk reads over
   * the targets, with random updates to a bit set small enough to stay in the cache, unlike a
   * count per node.
   */
  static long[] referred(int nodeCount, long edges, IntArray outTargets) {
    long[] bits = new long[(nodeCount + 63) >>> 6];
    int[] chunk = new int[1 << 14];
    for (long position = 0; position < edges; position += chunk.length) {
      int length = (int) Math.min(chunk.length, edges - position);
      outTargets.get(position, chunk, 0, length);
      for (int k = 0; k < length; k++) {
        int v = chunk[k];
        bits[v >>> 6] |= 1L << v;
      }
    }
    return bits;
  }
}
