package org.hpq.hprof.dominators.internal;

import java.util.PrimitiveIterator;
import java.util.function.IntPredicate;
import org.hpq.hprof.dominators.DominatorTree;
import org.hpq.hprof.dominators.TaskMonitor;
import org.hpq.hprof.store.BigArrays;

/**
 * Finds the top members of a set: reachable members none of whose dominators is a member. Stops
 * as soon as two distinct tops are found, since that is all {@code Dominos} needs to know.
 *
 * @param count distinct tops found, 0, 1 or 2 (2 meaning "two or more")
 * @param first the first top found, or {@link DominatorTree#ROOT} when none
 */
public record SetTops(int count, int first) {

  /** The tops of the set given by {@code member} and its members {@code members}. */
  public static SetTops find(
      DominatorTree tree,
      IntPredicate member,
      PrimitiveIterator.OfInt members,
      BigArrays scratch,
      TaskMonitor monitor) {
    int count = 0;
    int first = DominatorTree.ROOT;
    CoverMemo memo = null;
    try {
      while (members.hasNext()) {
        int node = members.nextInt();
        if (!tree.isReachable(node) || (count == 1 && node == first)) {
          continue;
        }
        int dominator = tree.immediateDominator(node);
        if (dominator != DominatorTree.ROOT) {
          if (memo == null) {
            memo = new CoverMemo(tree, member, scratch, monitor);
          }
          if (memo.isCovered(dominator)) {
            continue;
          }
        }
        if (count == 0) {
          first = node;
          count = 1;
        } else {
          return new SetTops(2, first);
        }
      }
      return new SetTops(count, first);
    } finally {
      if (memo != null) {
        memo.close();
      }
    }
  }
}
