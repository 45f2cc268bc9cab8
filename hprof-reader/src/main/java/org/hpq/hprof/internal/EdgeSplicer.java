package org.hpq.hprof.internal;

import java.util.List;
import org.hpq.hprof.store.IntArray;
import org.hpq.hprof.store.LongArray;

/**
 * Inserts a few extra edges into outbound CSR arrays in place: each at the end of its source's
 * list, moving the later edges up from the back so that nothing is overwritten before it is
 * moved. One pass over the edges after the first source; the arrays must have room. The stored
 * labels move as they are ({@link OutLabels} keeps a slot relative to its source's earlier
 * edges, which stay before it); the codes kept aside move with their edges. An inserted edge's
 * label must be a text.
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
      int nodeCount, LongArray offsets, IntArray targets, OutLabels outLabels, LongArray weakBits, List<ImpliedEdge> extra) {
    long edges = offsets.get(nodeCount);
    long total = edges + extra.size();
    IntArray labels = outLabels.stored();
    if (total > targets.size() || total > labels.size() || (total + 63) >>> 6 > weakBits.size()) {
      throw new IllegalStateException("no room for " + extra.size() + " more edges after " + edges);
    }
    if (outLabels.escapeCount() > 0) {
      // An edge moves up by the number of edges inserted into the lists before its source's.
      int[] sources = extra.stream().mapToInt(ImpliedEdge::source).toArray();
      outLabels.moveEscapes(p -> p + lowerBound(sources, source(offsets, nodeCount, p)));
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
        outLabels.setText(position, edge.label());
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

  /** The node whose list holds position {@code p}: the last one whose list starts at or before it. */
  private static int source(LongArray offsets, int nodeCount, long p) {
    int low = 0;
    int high = nodeCount - 1;
    while (low < high) {
      int mid = (low + high + 1) >>> 1;
      if (offsets.get(mid) <= p) {
        low = mid;
      } else {
        high = mid - 1;
      }
    }
    return low;
  }

  /** How many of {@code sorted} are below {@code value}. */
  private static int lowerBound(int[] sorted, int value) {
    int low = 0;
    int high = sorted.length;
    while (low < high) {
      int mid = (low + high) >>> 1;
      if (sorted[mid] < value) {
        low = mid + 1;
      } else {
        high = mid;
      }
    }
    return low;
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
