package org.hpq.hprof.dominators.internal;

import org.hpq.hprof.dominators.ObjectGraph;
import org.hpq.hprof.dominators.TaskMonitor;
import org.hpq.hprof.graph.Csr;
import org.hpq.hprof.store.BigArrays;
import org.hpq.hprof.store.IntArray;
import org.hpq.hprof.store.LongArray;

/**
 * Step 2 of the dominator computation: the predecessors in G' of every node, translated to
 * preorder numbers and reduced to what the semidominator loop needs. For a node numbered {@code
 * i}, a predecessor {@code j}:
 *
 * <ul>
 *   <li>with {@code j < i} is a candidate semidominator by itself, so only the smallest such
 *       {@code j} is kept, in {@link #directMinimum} (indexed by number; the DFS parent is always
 *       one of them);
 *   <li>with {@code j > i} needs an evaluation of the link forest, so it is kept in {@link
 *       #laterPredecessors} (grouped by node); none are kept when the direct minimum is R.
 * </ul>
 *
 * The edges R -> root, and R -> weak root, count as predecessor 0. The pass goes through the
 * inbound graph in node order, reading it sequentially; the number of a referrer is a random
 * read, but referrers of neighbouring objects tend to be neighbours in a heap, so the reads hit
 * the cache far more often than in preorder.
 */
final class Predecessors implements AutoCloseable {
  /** Smallest predecessor number below {@code i}, per number {@code i}. */
  final IntArray directMinimum;
  /** First position in {@link #laterPredecessors} per node, and the end at {@code nodeCount}. */
  final LongArray starts;
  /** The predecessors with greater numbers, grouped by node. */
  final IntArray laterPredecessors;

  private Predecessors(IntArray directMinimum, LongArray starts, IntArray laterPredecessors) {
    this.directMinimum = directMinimum;
    this.starts = starts;
    this.laterPredecessors = laterPredecessors;
  }

  static Predecessors build(
      ObjectGraph graph, Numbering numbering, BigArrays scratch, TaskMonitor monitor) {
    int nodeCount = graph.nodeCount();
    int strongCount = numbering.strongCount();
    Csr inbound = graph.inbound();
    LongArray weakBits = inbound.weakBits();
    IntArray numberOf = numbering.numberOf;
    IntArray directMinimum = scratch.newIntArray(numbering.count());
    LongArray starts = scratch.newLongArray(nodeCount + 1L);
    IntArray later = scratch.newIntArray(Math.max(1, inbound.edgeCount()));
    long size = 0;
    for (int node = 0; node < nodeCount; node++) {
      if ((node & 0xFFFF) == 0) {
        monitor.checkpoint("predecessors", node, nodeCount);
      }
      starts.set(node, size);
      int i = numberOf.get(node);
      if (i == 0) {
        continue; // unreachable
      }
      boolean strong = i <= strongCount;
      int minimum = i;
      if (strong ? Bits.get(numbering.rootBits, node) : Bits.get(numbering.weakTargetBits, node)) {
        minimum = 0;
      }
      for (long position = inbound.start(node), end = inbound.end(node);
          position < end && minimum > 0;
          position++) {
        // Weak edges are not in G' (weak roots got their edge from R).
        if (weakBits != null && (weakBits.get(position >>> 6) & (1L << (position & 63))) != 0) {
          continue;
        }
        int predecessor = numberOf.get(inbound.neighbour(position));
        // Unreachable sources (0) are not in G'; neither are edges from weakly-reachable-only
        // objects into strongly reachable ones.
        if (predecessor == 0 || (strong && predecessor > strongCount)) {
          continue;
        }
        if (predecessor < minimum) {
          minimum = predecessor;
        } else if (predecessor > i) {
          later.set(size++, predecessor);
        }
      }
      if (minimum == 0) {
        size = starts.get(node);
      }
      directMinimum.set(i, minimum);
    }
    starts.set(nodeCount, size);
    return new Predecessors(directMinimum, starts, later);
  }

  @Override
  public void close() {
    directMinimum.close();
    starts.close();
    laterPredecessors.close();
  }
}
