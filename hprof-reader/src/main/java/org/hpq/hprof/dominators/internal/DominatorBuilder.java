package org.hpq.hprof.dominators.internal;

import org.hpq.hprof.concurrent.TwoThreads;
import org.hpq.hprof.dominators.DominatorTree;
import org.hpq.hprof.dominators.ObjectGraph;
import org.hpq.hprof.dominators.ResultArrays;
import org.hpq.hprof.dominators.TaskMonitor;
import org.hpq.hprof.store.BigArrays;
import org.hpq.hprof.store.IntArray;
import org.hpq.hprof.store.LongArray;

/**
 * Computes the dominator tree with the semi-NCA algorithm (Georgiadis, Tarjan and Werneck,
 * "Finding Dominators in Practice", 2006): preorder numbering by an iterative depth-first search,
 * semidominators by link-eval with simple linking and path compression (iterative, by pointer
 * reversal), then each immediate dominator as the nearest common ancestor of the DFS parent and
 * the semidominator.
 *
 * <p>The flow graph G' it works on, from the object graph:
 *
 * <ul>
 *   <li>R has an edge to every GC-root object (SR = strongly reachable objects, reachable from R
 *       over strong edges; W = reachable only when weak edges count too);
 *   <li>every strong edge u->v between reachable objects, except those from W into SR (they must
 *       not change the dominators of strongly reachable objects);
 *   <li>R has an edge to every object of W that is the target of a weak edge from a reachable
 *       object (a weak root); weak edges themselves are not in G'.
 * </ul>
 *
 * Every reachable object is reachable from R in G' (follow any path to it; after its last weak
 * edge everything is in W and joined by strong edges), SR's dominators are exactly those of the
 * strong graph, and W hangs below R through the weak roots.
 *
 * <p>Speed comes from the order of memory accesses, since on graphs of tens of millions of nodes
 * nearly every random access is a cache miss: the search reads each edge list once ({@link
 * Numbering}); the inbound graph is read sequentially, in node order, by two threads ({@link
 * Predecessors}); the later predecessors are stored bucketed by number, so that the semidominator
 * loop reads them sequentially ({@link LaterPredecessors}); a step up the forest is one memory
 * access ({@link EvalForest}), and the loop reads its entries a few pairs ahead ({@link
 * Prefetch}); and the semidominator and dominator passes work on arrays indexed by preorder
 * number. The second core, idle while the search runs, touches the pages of the arrays that the
 * search and the later phases fill ({@link PageToucher}), fresh memory in an index build for the
 * result files, whose first touch costs up to 3 s of system time a GB; it also writes the bit
 * sets and the shallow sizes while the immediate dominators are computed, and the dominators by
 * object while the retained sizes are summed ({@link ResultWriter}).
 *
 * <p>Memory: scratch int arrays numberOf (later idom) and vertex (8 bytes a node), four bit sets,
 * the later predecessors (8 bytes a kept pair, plus 4 a pair of the bucket being processed) and
 * the search stack (8 bytes a pushed edge, grown by doubling); the DFS parents, the forest, the
 * weak-reachability worklist and the semidominators live in the result arrays before the results
 * are written. Nearly all of it is in mapped files when the allocator maps large arrays; the Java
 * heap holds only small buffers.
 */
public final class DominatorBuilder {
  /** Graphs with fewer nodes are small enough that touching their pages ahead is not worth it. */
  private static final int TOUCH_MINIMUM = 1 << 20;
  /** Graphs with fewer nodes have their results written by the calling thread alone. */
  private static final int PARALLEL_MINIMUM = 1 << 12;

  private final ObjectGraph graph;
  private final BigArrays scratch;
  private final ResultArrays results;
  private final TaskMonitor monitor;
  private final Runnable inboundReady;
  private final int nodeCount;

  private DominatorBuilder(
      ObjectGraph graph, BigArrays scratch, ResultArrays results, TaskMonitor monitor, Runnable inboundReady) {
    this.graph = graph;
    this.scratch = scratch;
    this.results = results;
    this.monitor = monitor;
    this.inboundReady = inboundReady;
    this.nodeCount = graph.nodeCount();
  }

  /** See {@link DominatorTree#compute}; {@code inboundReady} runs before the inbound edges are read. */
  public static DominatorTree build(
      ObjectGraph graph, BigArrays scratch, ResultArrays results, TaskMonitor monitor, Runnable inboundReady) {
    return new DominatorBuilder(graph, scratch, results, monitor, inboundReady).build();
  }

  private DominatorTree build() {
    IntArray dominators = results.newIntArray("immediate-dominators", nodeCount);
    LongArray retained = results.newLongArray("retained-sizes", nodeCount);
    LongArray strongBits = results.newLongArray("strongly-reachable", Bits.words(nodeCount));
    LongArray weakRootBits = results.newLongArray("weak-roots", Bits.words(nodeCount));
    // The result arrays serve as scratch until the results are written: the retained sizes hold
    // the DFS parents (two to a long, so that the numbering touches half their memory) while the
    // numbering and the predecessor pass need them, then the eval forest; the dominators hold the weak-reachability worklist, then the
    // semidominators. Arrays by number hold number i (1..count-1) at index i - 1, since there are
    // at most as many numbers besides R's 0 as objects.
    IntArray parents = new PackedIntArray(retained, nodeCount);
    Numbering numbering = new Numbering(graph, new OffsetIntArray(parents), scratch, monitor);
    try (ScratchArrays open = new ScratchArrays();
        PageToucher toucher = new PageToucher();
        PageToucher laterToucher = new PageToucher()) {
      open.add(numbering.numberOf, numbering.vertex, numbering.rootBits,
          numbering.weakTargetBits, numbering.weakOnlyBits, numbering.visitedBits);
      if (nodeCount >= TOUCH_MINIMUM) {
        // The search is one thread; another meanwhile faults in the pages of the arrays it fills,
        // fresh memory in an index build. In a build the inversion runs beside the search, so the
        // arrays of the later phases wait: their pages are touched from the gate on, while the
        // predecessor pass and the semidominators keep one core busy.
        toucher.add(numbering.numberOf).add(numbering.vertex).add(parents).start();
      }
      numbering.run(dominators);
      int count = numbering.count();
      IntArray semi = dominators;
      // numberOf is dead after the predecessor pass: it takes the parents, so that the forest can
      // have the retained sizes, and then the immediate dominators in their place.
      IntArray idom = numbering.numberOf;
      inboundReady.run();
      if (nodeCount >= TOUCH_MINIMUM) {
        toucher.close();
        laterToucher.add(dominators).add(retained).add(strongBits).add(weakRootBits).start();
      }
      if (graph.inbound().edgeCount() != graph.outbound().edgeCount()) {
        throw new IllegalArgumentException("inbound graph has " + graph.inbound().edgeCount() + " edges, outbound "
            + graph.outbound().edgeCount());
      }
      try (LaterPredecessors later = new LaterPredecessors(count, scratch)) {
        Predecessors.build(graph, numbering, new OffsetIntArray(semi), later, monitor);
        open.close(numbering.rootBits);
        idom.copyFrom(numbering.parent, 1, 0, count - 1L);
        semidominators(idom, semi, later, new EvalForest(retained), count);
      }
      ResultWriter writer =
          new ResultWriter(graph, numbering, idom, dominators, retained, strongBits, weakRootBits);
      if (nodeCount >= PARALLEL_MINIMUM) {
        TwoThreads.run("hpq-results", writer::prepare, () -> immediateDominators(count, semi, idom));
        monitor.checkpoint("writing", 0, count);
        TwoThreads.run("hpq-results", writer::writeDominators, () -> writer.sumRetainedSizes(monitor));
      } else {
        immediateDominators(count, semi, idom);
        writer.prepare();
        writer.writeDominators();
        writer.sumRetainedSizes(monitor);
      }
    }
    return DominatorTree.of(dominators, retained, strongBits, weakRootBits);
  }

  /**
   * semi(i) = the smallest number j such that there is a G' path from j to i whose inner nodes
   * all have numbers greater than i. Processing i from high to low, a predecessor j < i offers j
   * itself (the smallest is precomputed); a predecessor j > i offers the smallest semi on its
   * DFS-tree path up to (not including) the first node not yet processed, found by eval on the
   * link forest. {@code semi} holds the direct minimums on entry, as {@link Predecessors} leaves
   * them, and is overwritten in place. Both arrays are by number (i at index i - 1). The forest
   * entries of the predecessors {@link Prefetch#DISTANCE} pairs ahead are read early, since
   * nearly every first read of an evaluation misses the cache.
   */
  private void semidominators(
      IntArray parent, IntArray semi, LaterPredecessors later, EvalForest forest, int count) {
    int[] starts = new int[later.bucketRange() + 1];
    long sink = 0;
    for (int bucket = later.bucketCount() - 1; bucket >= 0; bucket--) {
      later.load(bucket, starts);
      int base = later.bucketStart(bucket);
      int low = Math.max(1, base);
      int prefetched = starts[Math.min(count - 1, base + later.bucketRange() - 1) - base + 1];
      for (int i = Math.min(count - 1, base + later.bucketRange() - 1); i >= low; i--) {
        if ((i & 0xFFFF) == 0) {
          monitor.checkpoint("semidominators", count - i, count);
        }
        int first = starts[i - base];
        for (int ahead = Math.max(0, first - Prefetch.DISTANCE); prefetched > ahead; ) {
          sink += forest.peek(later.predecessor(--prefetched));
        }
        int parentNumber = parent.get(i - 1L);
        int direct = semi.get(i - 1L);
        int semidominator = direct == 0 ? parentNumber : direct - 1;
        for (int position = starts[i - base], end = starts[i - base + 1];
            position < end && semidominator > 0;
            position++) {
          int candidate = forest.evaluate(later.predecessor(position), i);
          if (candidate < semidominator) {
            semidominator = candidate;
          }
        }
        semi.set(i - 1L, semidominator);
        forest.link(i, parentNumber, semidominator);
      }
    }
    Prefetch.consume(sink);
  }

  /**
   * idom(i) = the nearest common ancestor, in the dominator tree built so far, of parent(i) and
   * semi(i): climb from parent(i) while above semi(i). Numbers go up, so every idom met is final.
   * {@code idom} holds the DFS parents on entry and is overwritten in place. Both arrays are by
   * number (i at index i - 1).
   */
  private void immediateDominators(int count, IntArray semi, IntArray idom) {
    for (int i = 1; i < count; i++) {
      if ((i & 0xFFFF) == 0) {
        monitor.checkpoint("dominators", i, count);
      }
      int semidominator = semi.get(i - 1L);
      int dominator = idom.get(i - 1L);
      while (dominator > semidominator) {
        dominator = idom.get(dominator - 1L);
      }
      idom.set(i - 1L, dominator);
    }
  }
}
