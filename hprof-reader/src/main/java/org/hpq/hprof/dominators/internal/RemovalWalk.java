package org.hpq.hprof.dominators.internal;

import java.util.function.IntPredicate;
import org.hpq.hprof.dominators.DominatorTree;
import org.hpq.hprof.dominators.ObjectGraph;
import org.hpq.hprof.dominators.TaskMonitor;
import org.hpq.hprof.graph.Csr;
import org.hpq.hprof.store.BigArrays;
import org.hpq.hprof.store.IntArray;
import org.hpq.hprof.store.LongArray;

/**
 * One search of the flow graph G' of the dominator tree (see {@link DominatorBuilder}) from the
 * virtual root, not entering removed objects: first the roots over strong edges (which reach
 * only strongly reachable objects), then the weak roots over strong edges into weakly reachable
 * only objects. Uses the reachability flags of the tree, so it needs no second classification.
 */
public final class RemovalWalk {
  private static final String PHASE = "set walk";

  private RemovalWalk() {}

  /**
   * The objects still reachable in G' once {@code removed} objects are deleted, as a bit set of
   * {@code nodeCount} bits from {@code scratch} (the caller closes it).
   *
   * @throws java.util.concurrent.CancellationException if {@code monitor} says so
   */
  public static LongArray survivors(
      ObjectGraph graph,
      DominatorTree tree,
      IntPredicate removed,
      BigArrays scratch,
      TaskMonitor monitor) {
    int nodeCount = graph.nodeCount();
    LongArray visited = Bits.allocate(scratch, nodeCount);
    try (IntArray stack = scratch.newIntArray(nodeCount)) {
      return walk(graph, tree, removed, monitor, visited, stack);
    } catch (RuntimeException e) {
      visited.close();
      throw e;
    }
  }

  private static LongArray walk(
      ObjectGraph graph,
      DominatorTree tree,
      IntPredicate removed,
      TaskMonitor monitor,
      LongArray visited,
      IntArray stack) {
    int nodeCount = graph.nodeCount();
    {
      Csr outbound = graph.outbound();
      long size = 0;
      long steps = 0;
      for (int index = 0; index < graph.rootCount(); index++) {
        size = push(graph.root(index), removed, visited, stack, size);
      }
      boolean weakPhase = false;
      long weakWord = 0;
      long words = Bits.words(nodeCount);
      while (true) {
        while (size > 0) {
          int node = stack.get(--size);
          if ((++steps & 0xFFFF) == 0) {
            monitor.checkpoint(PHASE, steps, nodeCount);
          }
          for (long position = outbound.start(node), end = outbound.end(node);
              position < end;
              position++) {
            if (outbound.isWeak(position)) {
              continue;
            }
            int target = outbound.neighbour(position);
            // In the weak phase, edges into strongly reachable objects are not part of G'.
            if (!weakPhase || !tree.isStronglyReachable(target)) {
              size = push(target, removed, visited, stack, size);
            }
          }
        }
        // Weak roots, one word of the bit set at a time; every one is a successor of R.
        weakPhase = true;
        while (size == 0 && weakWord < words) {
          long candidates = tree.weakRootBits().get(weakWord);
          while (candidates != 0) {
            int node = (int) ((weakWord << 6) + Long.numberOfTrailingZeros(candidates));
            candidates &= candidates - 1;
            size = push(node, removed, visited, stack, size);
          }
          weakWord++;
        }
        if (size == 0) {
          return visited;
        }
      }
    }
  }

  private static long push(
      int node, IntPredicate removed, LongArray visited, IntArray stack, long size) {
    if (Bits.get(visited, node) || removed.test(node)) {
      return size;
    }
    Bits.set(visited, node);
    stack.set(size, node);
    return size + 1;
  }
}
