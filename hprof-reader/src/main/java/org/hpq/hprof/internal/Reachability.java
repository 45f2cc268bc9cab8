package org.hpq.hprof.internal;

import org.hpq.hprof.store.ByteArray;
import org.hpq.hprof.store.IntArray;
import org.hpq.hprof.store.LongArray;

/**
 * Marks every object reachable from the roots over all edges, breadth first. The search keeps its
 * visited set in a bit set on the heap (one bit an object, small enough to stay mostly in the
 * cache) and its queue in reused chunks on the heap (fresh pages of a mapped file cost more than
 * the search itself), and sets the bits of {@code flags} once at the end, in order.
 */
final class Reachability {
  static final byte REACHABLE = 1;
  static final byte ROOT = 2;

  private Reachability() {}

  /** Sets {@link #REACHABLE} (and {@link #ROOT}) in {@code flags}; returns the reachable count. */
  static long mark(int nodeCount, int[] roots, LongArray offsets, IntArray targets, ByteArray flags) {
    long[] visited = new long[(nodeCount + 63) >>> 6];
    long[] rooted = new long[visited.length];
    IntQueue queue = new IntQueue();
    long reached = 0;
    for (int root : roots) {
      rooted[root >>> 6] |= 1L << root;
      if ((visited[root >>> 6] & (1L << root)) == 0) {
        visited[root >>> 6] |= 1L << root;
        queue.add(root);
        reached++;
      }
    }
    while (!queue.isEmpty()) {
      int u = queue.remove();
      for (long p = offsets.get(u), end = offsets.get(u + 1L); p < end; p++) {
        int v = targets.get(p);
        long bit = 1L << v;
        if ((visited[v >>> 6] & bit) == 0) {
          visited[v >>> 6] |= bit;
          queue.add(v);
          reached++;
        }
      }
    }
    for (int word = 0; word < visited.length; word++) {
      long any = visited[word] | rooted[word];
      while (any != 0) {
        int bit = Long.numberOfTrailingZeros(any);
        any &= any - 1;
        long v = ((long) word << 6) + bit;
        int flag = flags.get(v);
        if ((visited[word] & (1L << bit)) != 0) {
          flag |= REACHABLE;
        }
        if ((rooted[word] & (1L << bit)) != 0) {
          flag |= ROOT;
        }
        flags.set(v, (byte) flag);
      }
    }
    return reached;
  }
}
