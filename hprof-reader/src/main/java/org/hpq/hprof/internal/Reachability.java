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
   * {@link #ROOT} for every root.
   */
  static void mark(int nodeCount, int[] roots, IntArray immediateDominators, ByteArray flags) {
    int[] dominators = new int[CHUNK];
    byte[] values = new byte[CHUNK];
    for (long first = 0; first < nodeCount; first += CHUNK) {
      int length = (int) Math.min(CHUNK, nodeCount - first);
      immediateDominators.get(first, dominators, 0, length);
      for (int i = 0; i < length; i++) {
        values[i] = dominators[i] != DominatorTree.UNREACHABLE ? REACHABLE : 0;
      }
      flags.set(first, values, 0, length);
    }
    for (int root : roots) {
      flags.set(root, (byte) (flags.get(root) | ROOT));
    }
  }
}
