package org.hpq.hprof.dominators.internal;

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
 * semidominators by link-eval with path compression (iterative, by pointer reversal), then each
 * immediate dominator as the nearest common ancestor of the DFS parent and the semidominator.
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
 * Numbering}); the inbound graph is read sequentially, in node order ({@link Predecessors}); the
 * link-eval forest links by size ({@link LinkEvalForest}), so evaluations walk short paths; and
 * the dominator and retained-size passes work on arrays indexed by preorder number.
 *
 * <p>Memory: scratch int arrays numberOf, vertex, parent (later idom) and semi (16 bytes a node),
 * the later-predecessor lists (8 bytes a node plus 4 a kept edge), the forest (16 bytes a node),
 * the search stack (8 bytes a pushed edge, grown by doubling) and four bit sets; the retained-size
 * result array is the weak-reachability worklist first. Nearly all of it is in mapped files when
 * the allocator maps large arrays; the Java heap holds only small buffers.
 */
public final class DominatorBuilder {

  private final ObjectGraph graph;
  private final BigArrays scratch;
  private final ResultArrays results;
  private final TaskMonitor monitor;
  private final int nodeCount;

  private DominatorBuilder(
      ObjectGraph graph, BigArrays scratch, ResultArrays results, TaskMonitor monitor) {
    this.graph = graph;
    this.scratch = scratch;
    this.results = results;
    this.monitor = monitor;
    this.nodeCount = graph.nodeCount();
  }

  /** See {@link DominatorTree#compute}. */
  public static DominatorTree build(
      ObjectGraph graph, BigArrays scratch, ResultArrays results, TaskMonitor monitor) {
    return new DominatorBuilder(graph, scratch, results, monitor).build();
  }

  private DominatorTree build() {
    IntArray dominators = results.newIntArray("immediate-dominators", nodeCount);
    LongArray retained = results.newLongArray("retained-sizes", nodeCount);
    LongArray strongBits = results.newLongArray("strongly-reachable", Bits.words(nodeCount));
    LongArray weakRootBits = results.newLongArray("weak-roots", Bits.words(nodeCount));
    Numbering numbering = new Numbering(graph, scratch, monitor);
    numbering.run(retained);
    int count = numbering.count();
    try (Predecessors predecessors = Predecessors.build(graph, numbering, scratch, monitor)) {
      // semi(i) replaces the direct minimum in place.
      IntArray semi = predecessors.directMinimum;
      try (LinkEvalForest forest = new LinkEvalForest(count, scratch)) {
        semidominators(numbering, predecessors, forest);
      }
      IntArray idom = numbering.parent;
      immediateDominators(count, semi, idom);
      // The predecessor starts are free now: they hold the retained sizes by number.
      LongArray retainedByNumber = predecessors.starts;
      sumRetainedSizes(numbering, idom, retainedByNumber);
      writeResults(numbering, idom, retainedByNumber, dominators, retained, strongBits, weakRootBits);
    } finally {
      numbering.numberOf.close();
      numbering.vertex.close();
      numbering.parent.close();
      numbering.rootBits.close();
      numbering.weakTargetBits.close();
      numbering.weakOnlyBits.close();
    }
    return DominatorTree.of(dominators, retained, strongBits, weakRootBits);
  }

  /**
   * semi(i) = the smallest number j such that there is a G' path from j to i whose inner nodes
   * all have numbers greater than i. Processing i from high to low, a predecessor j < i offers j
   * itself (the smallest is precomputed); a predecessor j > i offers the smallest semi on its
   * DFS-tree path up to (not including) the first node not yet processed, found by eval on the
   * link forest.
   */
  private void semidominators(
      Numbering numbering, Predecessors predecessors, LinkEvalForest forest) {
    IntArray semi = predecessors.directMinimum;
    LongArray starts = predecessors.starts;
    IntArray later = predecessors.laterPredecessors;
    IntArray parent = numbering.parent;
    IntArray vertex = numbering.vertex;
    int count = numbering.count();
    for (int i = count - 1; i >= 1; i--) {
      if ((i & 0xFFFF) == 0) {
        monitor.checkpoint("semidominators", count - i, count);
      }
      int semidominator = semi.get(i);
      int node = vertex.get(i);
      for (long position = starts.get(node), end = starts.get(node + 1L);
          position < end;
          position++) {
        int candidate = forest.evaluate(later.get(position));
        if (candidate < semidominator) {
          semidominator = candidate;
        }
      }
      semi.set(i, semidominator);
      forest.link(parent.get(i), i, semidominator);
    }
  }

  /**
   * idom(i) = the nearest common ancestor, in the dominator tree built so far, of parent(i) and
   * semi(i): climb from parent(i) while above semi(i). Numbers go up, so every idom met is final.
   * {@code idom} holds the DFS parents on entry and is overwritten in place.
   */
  private void immediateDominators(int count, IntArray semi, IntArray idom) {
    for (int i = 1; i < count; i++) {
      if ((i & 0xFFFF) == 0) {
        monitor.checkpoint("dominators", i, count);
      }
      int semidominator = semi.get(i);
      int dominator = idom.get(i);
      while (dominator > semidominator) {
        dominator = idom.get(dominator);
      }
      idom.set(i, dominator);
    }
  }

  /**
   * Retained sizes by number: a dominator has a smaller number than the nodes it dominates, so
   * adding each total into its dominator from the highest number down completes every node before
   * it is added.
   */
  private void sumRetainedSizes(Numbering numbering, IntArray idom, LongArray retainedByNumber) {
    int count = numbering.count();
    IntArray vertex = numbering.vertex;
    LongArray shallow = graph.shallowSizes();
    retainedByNumber.set(0, 0);
    for (int i = 1; i < count; i++) {
      if ((i & 0xFFFF) == 0) {
        monitor.checkpoint("shallow sizes", i, count);
      }
      retainedByNumber.set(i, shallow.get(vertex.get(i)));
    }
    for (int i = count - 1; i >= 1; i--) {
      if ((i & 0xFFFF) == 0) {
        monitor.checkpoint("retained", count - i, count);
      }
      int dominator = idom.get(i);
      retainedByNumber.set(dominator, retainedByNumber.get(dominator) + retainedByNumber.get(i));
    }
  }

  private void writeResults(
      Numbering numbering,
      IntArray idom,
      LongArray retainedByNumber,
      IntArray dominators,
      LongArray retained,
      LongArray strongBits,
      LongArray weakRootBits) {
    IntArray vertex = numbering.vertex;
    int strongCount = numbering.strongCount();
    int count = numbering.count();
    dominators.fill(DominatorTree.UNREACHABLE);
    retained.fill(0);
    for (int i = 1; i < count; i++) {
      if ((i & 0xFFFF) == 0) {
        monitor.checkpoint("writing", i, count);
      }
      int node = vertex.get(i);
      int dominator = idom.get(i);
      dominators.set(node, dominator == 0 ? DominatorTree.ROOT : vertex.get(dominator));
      retained.set(node, retainedByNumber.get(i));
      if (i <= strongCount) {
        Bits.set(strongBits, node);
      } else if (Bits.get(numbering.weakTargetBits, node)) {
        Bits.set(weakRootBits, node);
      }
    }
  }
}
