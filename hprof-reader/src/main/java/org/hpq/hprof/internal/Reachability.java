package org.hpq.hprof.internal;

import org.hpq.hprof.store.BigArrays;
import org.hpq.hprof.store.ByteArray;
import org.hpq.hprof.store.IntArray;
import org.hpq.hprof.store.LongArray;

/** Marks every object reachable from the roots over all edges, breadth first. */
final class Reachability {
  static final byte REACHABLE = 1;
  static final byte ROOT = 2;

  private Reachability() {}

  /** Sets {@link #REACHABLE} (and {@link #ROOT}) in {@code flags}; returns the reachable count. */
  static long mark(int nodeCount, int[] roots, LongArray offsets, IntArray targets, ByteArray flags, BigArrays arrays) {
    IntArray queue = arrays.newIntArray(Math.max(1, nodeCount));
    long head = 0;
    long tail = 0;
    for (int root : roots) {
      flags.set(root, (byte) (flags.get(root) | ROOT));
      if ((flags.get(root) & REACHABLE) == 0) {
        flags.set(root, (byte) (flags.get(root) | REACHABLE));
        queue.set(tail++, root);
      }
    }
    while (head < tail) {
      int u = queue.get(head++);
      for (long p = offsets.get(u), end = offsets.get(u + 1L); p < end; p++) {
        int v = targets.get(p);
        byte flag = flags.get(v);
        if ((flag & REACHABLE) == 0) {
          flags.set(v, (byte) (flag | REACHABLE));
          queue.set(tail++, v);
        }
      }
    }
    queue.close();
    return tail;
  }
}
