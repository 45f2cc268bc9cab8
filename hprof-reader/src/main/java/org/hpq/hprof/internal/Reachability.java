package org.hpq.hprof.internal;

import org.hpq.hprof.dominators.DominatorTree;
import org.hpq.hprof.store.ByteArray;
import org.hpq.hprof.store.IntArray;

/**
 * The reachability flags of the index. The dominator tree's search from the roots already visits
 * every object reachable over any edge (weak ones included: objects reachable only through weak
 * edges hang under the virtual root), so reachability is read off its immediate dominators
 * instead of being searched for a second time.
 */
final class Reachability {
  static final byte REACHABLE = 1;
  static final byte ROOT = 2;
  private static final int CHUNK = 1 << 16;

  private Reachability() {}

  /**
   * Sets {@link #REACHABLE} in {@code flags} for every object with an immediate dominator, and
   * {@link #ROOT} for every root; returns the reachable count.
   */
  static long mark(int nodeCount, int[] roots, IntArray immediateDominators, ByteArray flags) {
    int[] dominators = new int[CHUNK];
    byte[] values = new byte[CHUNK];
    long reached = 0;
    for (long first = 0; first < nodeCount; first += CHUNK) {
      int length = (int) Math.min(CHUNK, nodeCount - first);
      immediateDominators.get(first, dominators, 0, length);
      for (int i = 0; i < length; i++) {
        boolean reachable = dominators[i] != DominatorTree.UNREACHABLE;
        values[i] = reachable ? REACHABLE : 0;
        reached += reachable ? 1 : 0;
      }
      flags.set(first, values, 0, length);
    }
    for (int root : roots) {
      flags.set(root, (byte) (flags.get(root) | ROOT));
    }
    return reached;
  }
}
