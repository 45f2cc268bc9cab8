package org.hpq.hprof.dominators.internal;

import java.util.Arrays;
import java.util.concurrent.CancellationException;
import java.util.concurrent.atomic.AtomicBoolean;
import org.hpq.hprof.concurrent.TwoThreads;
import org.hpq.hprof.dominators.ObjectGraph;
import org.hpq.hprof.dominators.TaskMonitor;
import org.hpq.hprof.graph.Csr;
import org.hpq.hprof.store.IntArray;
import org.hpq.hprof.store.LongArray;

/**
 * Step 2 of the dominator computation: the predecessors in G' of every node, translated to
 * preorder numbers and reduced to what the semidominator loop needs. For a node numbered {@code
 * i}, a predecessor {@code j}:
 *
 * <ul>
 *   <li>with {@code j < i} is a candidate semidominator by itself, so only the smallest such
 *       {@code j} is kept, in the {@code directMinimum} array (indexed by number; the DFS parent
 *       is always one of them), as {@code j + 1}; it stays 0 for a node whose only edge in G' is
 *       the one from its DFS parent, so that the pass neither looks up the number of its referrer
 *       nor writes anything for it (most objects of a heap have one referrer);
 *   <li>with {@code j > i} needs an evaluation of the link forest, so it goes to the {@link
 *       LaterPredecessors}; none are kept when the direct minimum is R.
 * </ul>
 *
 * The edges R -> root, and R -> weak root, count as predecessor 0. The pass goes through the
 * inbound graph in node order, reading it sequentially; the number of a referrer is a random
 * read, but referrers of neighbouring objects tend to be neighbours in a heap, so the reads hit
 * the cache far more often than in preorder. Two threads share the work, each a half of the
 * nodes (every node's results are its own, so they do not interfere).
 */
final class Predecessors {
  private static final String PHASE = "predecessors";
  /** Graphs with fewer nodes are done by the calling thread alone. */
  private static final int PARALLEL_MINIMUM = 1 << 12;

  private final ObjectGraph graph;
  private final Numbering numbering;
  private final IntArray directMinimum;
  private final LaterPredecessors later;
  private final AtomicBoolean stop = new AtomicBoolean();

  private Predecessors(
      ObjectGraph graph, Numbering numbering, IntArray directMinimum, LaterPredecessors later) {
    this.graph = graph;
    this.numbering = numbering;
    this.directMinimum = directMinimum;
    this.later = later;
  }

  /**
   * Fills {@code directMinimum} (indexed by number, at least {@code numbering.count()} ints, all
   * zero on entry) and {@code later}.
   */
  static void build(
      ObjectGraph graph,
      Numbering numbering,
      IntArray directMinimum,
      LaterPredecessors later,
      TaskMonitor monitor) {
    new Predecessors(graph, numbering, directMinimum, later).run(monitor);
  }

  private void run(TaskMonitor monitor) {
    int nodeCount = graph.nodeCount();
    if (nodeCount < PARALLEL_MINIMUM) {
      scan(0, nodeCount, monitor);
      return;
    }
    int middle = nodeCount / 2;
    RuntimeException[] failure = new RuntimeException[1];
    Thread helper =
        new Thread(
            () -> {
              try {
                scan(middle, nodeCount, null);
              } catch (RuntimeException e) {
                failure[0] = e;
              }
            },
            "hpq-predecessors");
    helper.setDaemon(true);
    helper.start();
    try {
      scan(0, middle, monitor);
    } catch (RuntimeException e) {
      stop.set(true);
      throw e;
    } finally {
      TwoThreads.joinUninterruptibly(helper);
    }
    if (failure[0] != null) {
      throw failure[0];
    }
  }

  /** Nodes {@code from..to-1}; reports to {@code monitor} unless null (the helper thread). */
  private void scan(int from, int to, TaskMonitor monitor) {
    int strongCount = numbering.strongCount();
    Csr inbound = graph.inbound();
    LongArray weakBits = inbound.weakBits();
    IntArray numberOf = numbering.numberOf;
    LaterPredecessors.Writer writer = later.writer();
    int[] kept = new int[64];
    for (int node = from; node < to; node++) {
      if ((node & 0xFFFF) == 0) {
        if (monitor != null) {
          monitor.checkpoint(PHASE, node - from, to - from);
        } else if (stop.get()) {
          throw new CancellationException("cancelled during " + PHASE);
        }
      }
      int i = numberOf.get(node);
      if (i == 0) {
        continue; // unreachable
      }
      boolean strong = i <= strongCount;
      boolean fromRoot =
          strong ? Bits.get(numbering.rootBits, node) : Bits.get(numbering.weakTargetBits, node);
      long start = inbound.start(node);
      long end = inbound.end(node);
      if (fromRoot) {
        directMinimum.set(i, 1);
        continue;
      }
      if (end - start == 1) {
        // The one edge into a reachable object that R does not refer to is in G' and from its
        // DFS parent (if weak, the object would be a weak root).
        continue;
      }
      int minimum = i;
      int keptCount = 0;
      for (long position = start; position < end && minimum > 0; position++) {
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
          if (keptCount == kept.length) {
            kept = Arrays.copyOf(kept, kept.length * 2);
          }
          kept[keptCount++] = predecessor;
        }
      }
      if (minimum > 0) {
        for (int k = 0; k < keptCount; k++) {
          writer.add(i, kept[k]);
        }
      }
      directMinimum.set(i, minimum + 1);
    }
    writer.finish();
  }
}
