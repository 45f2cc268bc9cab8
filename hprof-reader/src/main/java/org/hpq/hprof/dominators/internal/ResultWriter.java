package org.hpq.hprof.dominators.internal;

import org.hpq.hprof.dominators.DominatorTree;
import org.hpq.hprof.dominators.ObjectGraph;
import org.hpq.hprof.dominators.TaskMonitor;
import org.hpq.hprof.store.IntArray;
import org.hpq.hprof.store.LongArray;

/**
 * The last step of the dominator computation: the results, indexed by object, from the immediate
 * dominators by number. Split in three so that two threads can share it: {@link #prepare} (the
 * shallow sizes into the retained sizes, the bit sets) needs only the numbering and may run while
 * the immediate dominators are computed; then {@link #writeDominators} and {@link
 * #sumRetainedSizes} may run at the same time, as they write different arrays.
 */
final class ResultWriter {
  private final ObjectGraph graph;
  private final Numbering numbering;
  private final IntArray idom;
  private final IntArray dominators;
  private final LongArray retained;
  private final LongArray strongBits;
  private final LongArray weakRootBits;
  private final int nodeCount;
  private final int count;

  /** {@code idom} is by number (i at index i - 1); the other arrays are the results. */
  ResultWriter(
      ObjectGraph graph,
      Numbering numbering,
      IntArray idom,
      IntArray dominators,
      LongArray retained,
      LongArray strongBits,
      LongArray weakRootBits) {
    this.graph = graph;
    this.numbering = numbering;
    this.idom = idom;
    this.dominators = dominators;
    this.retained = retained;
    this.strongBits = strongBits;
    this.weakRootBits = weakRootBits;
    this.nodeCount = graph.nodeCount();
    this.count = numbering.count();
  }

  /**
   * Writes the bit sets, and the retained sizes as the shallow sizes (one bulk copy), 0 for the
   * unreachable objects. Reads only the numbering's bit sets.
   */
  void prepare() {
    retained.copyFrom(graph.shallowSizes(), 0, 0, nodeCount);
    for (long word = 0, words = Bits.words(nodeCount); word < words; word++) {
      long reachable = numbering.visitedBits.get(word);
      long weakOnly = numbering.weakOnlyBits.get(word);
      strongBits.set(word, reachable & ~weakOnly);
      weakRootBits.set(word, numbering.weakTargetBits.get(word) & weakOnly);
      long unreachable = unreachable(word, words);
      while (unreachable != 0) {
        retained.set((word << 6) + Long.numberOfTrailingZeros(unreachable), 0);
        unreachable &= unreachable - 1;
      }
    }
  }

  /** Writes the immediate dominator of every object; needs the final {@code idom}. */
  void writeDominators() {
    for (long word = 0, words = Bits.words(nodeCount); word < words; word++) {
      long unreachable = unreachable(word, words);
      while (unreachable != 0) {
        dominators.set((word << 6) + Long.numberOfTrailingZeros(unreachable),
            DominatorTree.UNREACHABLE);
        unreachable &= unreachable - 1;
      }
    }
    IntArray vertex = numbering.vertex;
    for (int i = 1; i < count; i++) {
      int dominator = idom.get(i - 1L);
      dominators.set(vertex.get(i), dominator == 0 ? DominatorTree.ROOT : vertex.get(dominator));
    }
  }

  /**
   * Sums the retained sizes into the dominators from the highest number down, after {@link
   * #prepare}: a dominator has a smaller number than the nodes it dominates, so every total is
   * complete before it is added.
   */
  void sumRetainedSizes(TaskMonitor monitor) {
    IntArray vertex = numbering.vertex;
    for (int i = count - 1; i >= 1; i--) {
      if ((i & 0xFFFF) == 0) {
        monitor.checkpoint("writing", count - i, count);
      }
      int dominator = idom.get(i - 1L);
      if (dominator != 0) {
        int dominatorNode = vertex.get(dominator);
        retained.set(dominatorNode, retained.get(dominatorNode) + retained.get(vertex.get(i)));
      }
    }
  }

  /** The unreachable objects of bit-set word {@code word} of {@code words}, as bits. */
  private long unreachable(long word, long words) {
    long unreachable = ~numbering.visitedBits.get(word);
    if (word == words - 1 && (nodeCount & 63) != 0) {
      unreachable &= (1L << (nodeCount & 63)) - 1;
    }
    return unreachable;
  }
}
