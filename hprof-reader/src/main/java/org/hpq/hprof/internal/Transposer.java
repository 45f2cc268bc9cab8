package org.hpq.hprof.internal;

import org.hpq.hprof.store.IntArray;
import org.hpq.hprof.store.LongArray;

/**
 * Builds the inbound edge lists from the outbound ones, carrying each edge's label and weakness:
 * a counting pass, a prefix sum and a placing pass, all over primitive arrays. The counting pass
 * is separate so that the build can look at in-degrees (which objects have no referrer) before
 * the inbound lists exist.
 */
final class Transposer {
  private Transposer() {}

  /**
   * Counts the inbound edges of every node into {@code inOffsets[v + 1]} ({@code inOffsets} must
   * be zero): afterwards {@code inOffsets.get(v + 1)} is the in-degree of {@code v}.
   */
  static void countInbound(int nodeCount, LongArray outOffsets, IntArray outTargets, LongArray inOffsets) {
    long edges = outOffsets.get(nodeCount);
    for (long p = 0; p < edges; p++) {
      int v = outTargets.get(p);
      inOffsets.set(v + 1L, inOffsets.get(v + 1L) + 1);
    }
  }

  /** Counts and places: {@link #countInbound} followed by {@link #placeCounted}. */
  static void transpose(
      int nodeCount,
      LongArray outOffsets,
      IntArray outTargets,
      IntArray outLabels,
      LongArray outWeak,
      LongArray inOffsets,
      IntArray inSources,
      IntArray inLabels,
      LongArray inWeak) {
    countInbound(nodeCount, outOffsets, outTargets, inOffsets);
    placeCounted(nodeCount, outOffsets, outTargets, outLabels, outWeak, inOffsets, inSources, inLabels, inWeak);
  }

  /** The prefix sum and placing pass, given the in-degrees that {@link #countInbound} left. */
  static void placeCounted(
      int nodeCount,
      LongArray outOffsets,
      IntArray outTargets,
      IntArray outLabels,
      LongArray outWeak,
      LongArray inOffsets,
      IntArray inSources,
      IntArray inLabels,
      LongArray inWeak) {
    for (int v = 0; v < nodeCount; v++) {
      inOffsets.set(v + 1L, inOffsets.get(v + 1L) + inOffsets.get(v));
    }
    // Use inOffsets[v] as the fill cursor of v, then shift back: no second n-sized array needed.
    for (int u = 0; u < nodeCount; u++) {
      for (long p = outOffsets.get(u), end = outOffsets.get(u + 1L); p < end; p++) {
        int v = outTargets.get(p);
        long q = inOffsets.get(v);
        inOffsets.set(v, q + 1);
        inSources.set(q, u);
        inLabels.set(q, outLabels.get(p));
        if ((outWeak.get(p >>> 6) & (1L << (p & 63))) != 0) {
          inWeak.set(q >>> 6, inWeak.get(q >>> 6) | (1L << (q & 63)));
        }
      }
    }
    for (int v = nodeCount; v > 0; v--) {
      inOffsets.set(v, inOffsets.get(v - 1L));
    }
    inOffsets.set(0, 0);
  }
}
