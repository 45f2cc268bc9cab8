package org.hpq.hprof.dominators;

import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.List;

/**
 * Dominators, retained sizes and set retained sizes straight from their definitions, by repeated
 * graph searches on plain Java collections: slow, obviously right, independent of the code under
 * test. Node {@code nodeCount} stands for the virtual root R.
 */
final class BruteForce {
  final TestGraph graph;
  final int nodeCount;
  final int virtualRoot;
  /** Reachable from R over strong edges, with nothing removed. */
  final boolean[] strong;
  /** Reachable from R over all edges. */
  final boolean[] reachable;
  /** Weakly reachable only, and the target of a weak edge from a reachable object. */
  final boolean[] weakRoot;
  /** Successors in the flow graph G' of the semantics (index {@code nodeCount} is R). */
  private final List<List<Integer>> flow = new ArrayList<>();

  /** The edge indexes of each source object, in edge order. */
  private final List<List<Integer>> edgesFrom = new ArrayList<>();

  BruteForce(TestGraph graph) {
    this.graph = graph;
    this.nodeCount = graph.nodeCount();
    this.virtualRoot = nodeCount;
    for (int node = 0; node < nodeCount; node++) {
      edgesFrom.add(new ArrayList<>());
    }
    for (int edge = 0; edge < graph.edgeCount(); edge++) {
      edgesFrom.get(graph.sources()[edge]).add(edge);
    }
    this.strong = originalReach(new boolean[nodeCount], false);
    this.reachable = originalReach(new boolean[nodeCount], true);
    this.weakRoot = new boolean[nodeCount];
    for (int node = 0; node <= nodeCount; node++) {
      flow.add(new ArrayList<>());
    }
    for (int root : graph.roots()) {
      flow.get(virtualRoot).add(root);
    }
    for (int edge = 0; edge < graph.edgeCount(); edge++) {
      int source = graph.sources()[edge];
      int target = graph.targets()[edge];
      if (!reachable[source]) {
        continue;
      }
      if (graph.weak()[edge]) {
        // A weak edge keeps nothing alive; its weakly-reachable-only target hangs under R.
        if (!strong[target]) {
          weakRoot[target] = true;
          flow.get(virtualRoot).add(target);
        }
      } else if (strong[source] || !strong[target]) {
        // Dropped: strong edges from weakly-reachable-only objects into strongly reachable ones.
        flow.get(source).add(target);
      }
    }
  }

  /**
   * The objects reachable from the roots in the original graph with {@code removed} deleted,
   * over all edges or strong edges only: the definition of (strong) reachability, no G' involved.
   */
  boolean[] originalReach(boolean[] removed, boolean followWeak) {
    boolean[] seen = new boolean[nodeCount];
    ArrayDeque<Integer> queue = new ArrayDeque<>();
    for (int root : graph.roots()) {
      if (!removed[root] && !seen[root]) {
        seen[root] = true;
        queue.add(root);
      }
    }
    while (!queue.isEmpty()) {
      int node = queue.poll();
      for (int edge : edgesFrom.get(node)) {
        int target = graph.targets()[edge];
        if ((followWeak || !graph.weak()[edge])
            && !removed[target]
            && !seen[target]) {
          seen[target] = true;
          queue.add(target);
        }
      }
    }
    return seen;
  }

  /** Objects reachable from R in G' when {@code removed} objects are deleted. */
  boolean[] flowReach(boolean[] removed) {
    boolean[] seen = new boolean[nodeCount + 1];
    ArrayDeque<Integer> queue = new ArrayDeque<>();
    seen[virtualRoot] = true;
    queue.add(virtualRoot);
    while (!queue.isEmpty()) {
      int node = queue.poll();
      for (int target : flow.get(node)) {
        if (!removed[target] && !seen[target]) {
          seen[target] = true;
          queue.add(target);
        }
      }
    }
    return seen;
  }

  /** {@code dominated[d][v]}: v is reachable but not once d is removed (d strictly dominates v). */
  boolean[][] strictDominance() {
    boolean[][] dominated = new boolean[nodeCount][];
    for (int dominator = 0; dominator < nodeCount; dominator++) {
      boolean[] removed = new boolean[nodeCount];
      removed[dominator] = true;
      boolean[] seen = flowReach(removed);
      dominated[dominator] = new boolean[nodeCount];
      for (int node = 0; node < nodeCount; node++) {
        dominated[dominator][node] = reachable[node] && node != dominator && !seen[node];
      }
    }
    return dominated;
  }

  /**
   * Immediate dominators by definition: among the strict dominators of v (R and the objects whose
   * removal cuts v off), the one that every other strict dominator strictly dominates.
   */
  int[] immediateDominators() {
    boolean[][] dominated = strictDominance();
    int[] result = new int[nodeCount];
    for (int node = 0; node < nodeCount; node++) {
      if (!reachable[node]) {
        result[node] = DominatorTree.UNREACHABLE;
        continue;
      }
      int immediate = DominatorTree.ROOT;
      for (int candidate = 0; candidate < nodeCount; candidate++) {
        if (!dominated[candidate][node]) {
          continue;
        }
        boolean deepest = true;
        for (int other = 0; other < nodeCount; other++) {
          if (other != candidate && dominated[other][node] && !dominated[other][candidate]) {
            deepest = false;
          }
        }
        if (deepest) {
          if (immediate != DominatorTree.ROOT) {
            throw new AssertionError("two immediate dominators for " + node + " in " + graph);
          }
          immediate = candidate;
        }
      }
      result[node] = immediate;
    }
    return result;
  }

  /** Size of the reachable objects that G' loses when {@code set} is removed, set included. */
  long domisize(boolean[] set) {
    boolean[] seen = flowReach(set);
    long size = 0;
    for (int node = 0; node < nodeCount; node++) {
      if (reachable[node] && !seen[node]) {
        size += graph.shallow()[node];
      }
    }
    return size;
  }

  /** The objects of {@link #domisize}, as a membership array. */
  boolean[] dominos(boolean[] set) {
    boolean[] seen = flowReach(set);
    boolean[] result = new boolean[nodeCount];
    for (int node = 0; node < nodeCount; node++) {
      result[node] = reachable[node] && !seen[node];
    }
    return result;
  }

  /** Total shallow size of the objects strongly reachable once {@code removed} is deleted. */
  long strongSizeWithout(boolean[] removed) {
    boolean[] seen = originalReach(removed, false);
    long size = 0;
    for (int node = 0; node < nodeCount; node++) {
      if (seen[node]) {
        size += graph.shallow()[node];
      }
    }
    return size;
  }
}
