package org.hpq.hprof.internal;

import java.util.List;
import org.hpq.hprof.store.IntArray;
import org.hpq.hprof.store.LongArray;

/**
 * Inserts a few extra edges into outbound CSR arrays in place: each at the end of its source's
 * list, moving the later edges up from the back so that nothing is overwritten before it is
 * moved. One pass over the edges after the first source; the arrays must have room.
 */
final class EdgeSplicer {
  private EdgeSplicer() {}

  /**
   * Inserts {@code extra} (sorted by source) into the {@code nodeCount}-node CSR; returns the new
   * edge count. The inserted edges are strong.
   *
   * @throws IllegalStateException if the target arrays cannot hold the extra edges
   */
  static long insert(
      int nodeCount, LongArray offsets, IntArray targets, IntArray labels, LongArray weakBits, List<ImpliedEdge> extra) {
    long edges = offsets.get(nodeCount);
    long total = edges + extra.size();
    if (total > targets.size() || total > labels.size() || (total + 63) >>> 6 > weakBits.size()) {
      throw new IllegalStateException("no room for " + extra.size() + " more edges after " + edges);
    }
    int next = extra.size() - 1;
    long shift = extra.size();
    offsets.set(nodeCount, total);
    long oldEnd = edges;
    for (int u = nodeCount - 1; u >= 0 && shift > 0; u--) {
      long oldStart = offsets.get(u);
      while (next >= 0 && extra.get(next).source() == u) {
        ImpliedEdge edge = extra.get(next--);
        long position = oldEnd + shift - 1;
        targets.set(position, edge.target());
        labels.set(position, edge.label());
        setWeak(weakBits, position, false);
        shift--;
      }
      if (shift > 0) {
        for (long p = oldEnd - 1; p >= oldStart; p--) {
          targets.set(p + shift, targets.get(p));
          labels.set(p + shift, labels.get(p));
          setWeak(weakBits, p + shift, isWeak(weakBits, p));
        }
        offsets.set(u, oldStart + shift);
      }
      oldEnd = oldStart;
    }
    return total;
  }

  private static boolean isWeak(LongArray bits, long position) {
    return (bits.get(position >>> 6) & (1L << (position & 63))) != 0;
  }

  private static void setWeak(LongArray bits, long position, boolean weak) {
    long word = bits.get(position >>> 6);
    long mask = 1L << (position & 63);
    bits.set(position >>> 6, weak ? word | mask : word & ~mask);
  }
}
