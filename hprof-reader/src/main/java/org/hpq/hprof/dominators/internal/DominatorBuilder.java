package org.hpq.hprof.dominators.internal;

import org.hpq.hprof.dominators.DominatorTree;
import org.hpq.hprof.dominators.ObjectGraph;
import org.hpq.hprof.dominators.ResultArrays;
import org.hpq.hprof.dominators.TaskMonitor;
import org.hpq.hprof.graph.Csr;
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
 * <p>Memory: scratch int arrays numberOf, vertex, parent, cursor/semi (16 bytes a node) plus three
 * bit sets; the result arrays double as scratch (ancestor in the dominator array, best
 * semidominator in the retained-size array), so the peak is about 28 bytes a node, nearly all of
 * it in mapped files when the allocator maps large arrays.
 */
public final class DominatorBuilder {
  private static final int REVERSED_END = -1;

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
    // ancestor(k) lives in dominators[k - 1], best(k) in retained[k - 1], until step 4.
    IntArray semi = numbering.cursor;
    semidominators(numbering, semi, dominators, retained);
    IntArray idom = numbering.parent;
    immediateDominators(numbering.count(), semi, idom);
    writeResults(numbering, idom, dominators, retained, strongBits, weakRootBits);
    numbering.numberOf.close();
    numbering.vertex.close();
    numbering.parent.close();
    numbering.cursor.close();
    numbering.rootBits.close();
    numbering.weakTargetBits.close();
    numbering.weakOnlyBits.close();
    return DominatorTree.of(dominators, retained, strongBits, weakRootBits);
  }

  /**
   * semi(i) = the smallest number j such that there is a G' path from j to i whose inner nodes
   * all have numbers greater than i. Processing i from high to low, a predecessor j < i offers j
   * itself; a predecessor j > i offers the smallest semi on its DFS-tree path up to (not
   * including) the first node not yet processed, found by eval on the link forest.
   */
  private void semidominators(
      Numbering numbering, IntArray semi, IntArray ancestor, LongArray best) {
    Csr inbound = graph.inbound();
    IntArray numberOf = numbering.numberOf;
    int strongCount = numbering.strongCount();
    int count = numbering.count();
    for (int i = count - 1; i >= 1; i--) {
      if ((i & 0xFFFF) == 0) {
        monitor.checkpoint("semidominators", count - i, count);
      }
      int node = numbering.vertex.get(i);
      boolean strong = i <= strongCount;
      // The DFS-tree edge parent->node is an edge of G', so the parent is always a candidate.
      int semidominator = numbering.parent.get(i);
      if (numbering.hasRootEdge(node, strong)) {
        semidominator = 0;
      }
      for (long position = inbound.start(node), end = inbound.end(node);
          position < end && semidominator > 0;
          position++) {
        int predecessor = numberOf.get(inbound.neighbour(position));
        // Unreachable sources and weak edges are not in G' (weak roots got their edge from R).
        if (predecessor == 0 || inbound.isWeak(position)) {
          continue;
        }
        // Edges from weakly-reachable-only objects into strongly reachable ones are ignored.
        if (strong && predecessor > strongCount) {
          continue;
        }
        int candidate = predecessor <= i ? predecessor : evaluate(predecessor, i, ancestor, best);
        if (candidate < semidominator) {
          semidominator = candidate;
        }
      }
      semi.set(i, semidominator);
      best.set(i - 1L, semidominator);
      ancestor.set(i - 1L, numbering.parent.get(i)); // link(parent(i), i)
    }
  }

  /**
   * The smallest semi on the link-forest path from {@code node} (processed: number greater than
   * {@code current}) up to, not including, the forest root (the first unprocessed ancestor),
   * compressing the path. The path is walked up once reversing the ancestor pointers and walked
   * back down restoring them to the root, so no stack is needed however deep the tree.
   */
  private static int evaluate(int node, int current, IntArray ancestor, LongArray best) {
    int up = ancestor.get(node - 1L);
    if (up <= current) {
      return (int) best.get(node - 1L);
    }
    int previous = REVERSED_END;
    int x = node;
    while (up > current) {
      ancestor.set(x - 1L, previous);
      previous = x;
      x = up;
      up = ancestor.get(x - 1L);
    }
    // x is the highest processed node of the path; up is the forest root.
    int root = up;
    int above = x;
    int below = previous;
    while (below != REVERSED_END) {
      int next = ancestor.get(below - 1L);
      long aboveBest = best.get(above - 1L);
      if (aboveBest < best.get(below - 1L)) {
        best.set(below - 1L, aboveBest);
      }
      ancestor.set(below - 1L, root);
      above = below;
      below = next;
    }
    return (int) best.get(node - 1L);
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

  private void writeResults(
      Numbering numbering,
      IntArray idom,
      IntArray dominators,
      LongArray retained,
      LongArray strongBits,
      LongArray weakRootBits) {
    IntArray numberOf = numbering.numberOf;
    IntArray vertex = numbering.vertex;
    int strongCount = numbering.strongCount();
    for (int node = 0; node < nodeCount; node++) {
      if ((node & 0xFFFF) == 0) {
        monitor.checkpoint("writing", node, nodeCount);
      }
      int number = numberOf.get(node);
      if (number == 0) {
        dominators.set(node, DominatorTree.UNREACHABLE);
        retained.set(node, 0);
        continue;
      }
      int dominator = idom.get(number);
      dominators.set(node, dominator == 0 ? DominatorTree.ROOT : vertex.get(dominator));
      retained.set(node, graph.shallowSize(node));
      if (number <= strongCount) {
        Bits.set(strongBits, node);
      } else if (Bits.get(numbering.weakTargetBits, node)) {
        Bits.set(weakRootBits, node);
      }
    }
    // A dominator has a smaller preorder number than the nodes it dominates, so adding each
    // node's total into its dominator from the highest number down completes every node
    // before it is added.
    for (int i = numbering.count() - 1; i >= 1; i--) {
      if ((i & 0xFFFF) == 0) {
        monitor.checkpoint("retained", numbering.count() - i, numbering.count());
      }
      int dominator = idom.get(i);
      if (dominator != 0) {
        int dominatorNode = vertex.get(dominator);
        retained.set(dominatorNode, retained.get(dominatorNode) + retained.get(vertex.get(i)));
      }
    }
  }
}
