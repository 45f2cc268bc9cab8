package org.hpq.hprof.dominators.internal;

import java.util.function.IntPredicate;
import org.hpq.hprof.dominators.DominatorTree;
import org.hpq.hprof.dominators.TaskMonitor;
import org.hpq.hprof.store.BigArrays;
import org.hpq.hprof.store.LongArray;

/**
 * Answers "is this node, or one of its dominators, marked?" for many nodes in time linear in the
 * number of distinct tree nodes looked at: each walk up the tree stops at a marked node, the
 * virtual root or a node answered before, and a second walk writes the answer on every node of
 * the path. Two bit sets of one bit a node; no stack. Not thread-safe.
 */
public final class CoverMemo implements AutoCloseable {
  private final DominatorTree tree;
  private final IntPredicate marked;
  private final TaskMonitor monitor;
  private final LongArray known;
  private final LongArray covered;
  private long steps;

  public CoverMemo(
      DominatorTree tree, IntPredicate marked, BigArrays scratch, TaskMonitor monitor) {
    this.tree = tree;
    this.marked = marked;
    this.monitor = monitor;
    this.known = Bits.allocate(scratch, tree.nodeCount());
    this.covered = Bits.allocate(scratch, tree.nodeCount());
  }

  /**
   * Whether {@code node} or a dominator of it is marked; {@code node} may be {@link
   * DominatorTree#ROOT} (false). {@code node} must be reachable.
   */
  public boolean isCovered(int node) {
    int stop = node;
    boolean result;
    while (true) {
      if (stop == DominatorTree.ROOT) {
        result = false;
        break;
      }
      if (marked.test(stop)) {
        result = true;
        break;
      }
      if (Bits.get(known, stop)) {
        result = Bits.get(covered, stop);
        break;
      }
      stop = tree.immediateDominator(stop);
      if ((++steps & 0xFFFF) == 0) {
        monitor.checkpoint("dominator chains", steps, -1);
      }
    }
    for (int current = node; current != stop; current = tree.immediateDominator(current)) {
      Bits.set(known, current);
      if (result) {
        Bits.set(covered, current);
      }
    }
    return result;
  }

  @Override
  public void close() {
    known.close();
    covered.close();
  }
}
