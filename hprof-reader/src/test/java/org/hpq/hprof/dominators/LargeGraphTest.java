package org.hpq.hprof.dominators;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.fail;

import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import org.hpq.hprof.store.BigArrays;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * Graphs of over 100,000 nodes, large enough for the paths small graphs never take (several
 * buckets of later predecessors, the two-thread predecessor pass, long forest paths). Checked
 * exactly, from the definitions, for a sample of objects: the objects a sampled object dominates
 * are those that G' (as {@link BruteForce} builds it) no longer reaches without it, and its
 * retained size is their shallow size; plus the linear-time {@link DominatorCertificate} for the
 * whole tree, and the reachability flags of every object.
 */
class LargeGraphTest {
  private static final int SAMPLES = 20;

  @ParameterizedTest
  @ValueSource(longs = {1, 2, 3})
  void dominatedSetsAndRetainedSizesFollowTheDefinition(long seed) {
    Random random = new Random(seed);
    TestGraph graph = heapLike(random);
    BruteForce reference = new BruteForce(graph);
    ObjectGraph objectGraph = graph.objectGraph();
    DominatorTree tree = DominatorTree.compute(objectGraph, BigArrays.onHeap(), TaskMonitor.NONE);

    assertThat(DominatorCertificate.check(objectGraph, tree, BigArrays.onHeap(), 5, TaskMonitor.NONE))
        .as("seed %d", seed)
        .isEmpty();
    for (int node = 0; node < graph.nodeCount(); node++) {
      if (tree.isReachable(node) != reference.reachable[node]
          || tree.isStronglyReachable(node) != reference.strong[node]
          || tree.isWeakRoot(node) != reference.weakRoot[node]) {
        fail("seed %d: reachability flags of node %d", seed, node);
      }
    }
    boolean[] all = reference.flowReach(new boolean[graph.nodeCount() + 1]);
    for (int sample = 0; sample < SAMPLES; sample++) {
      // Half the samples are dominators of random objects, so that big subtrees are checked too.
      int candidate = random.nextInt(graph.nodeCount());
      for (int steps = random.nextInt(2) * random.nextInt(50); steps > 0; steps--) {
        int up = tree.immediateDominator(candidate);
        if (up < 0) {
          break;
        }
        candidate = up;
      }
      int dominator = candidate;
      boolean[] removed = new boolean[graph.nodeCount() + 1];
      removed[dominator] = true;
      boolean[] without = reference.flowReach(removed);
      boolean[] inSubtree = subtree(tree, dominator);
      long expectedRetained = 0;
      for (int node = 0; node < graph.nodeCount(); node++) {
        boolean dominated = all[node] && !without[node];
        if (dominated) {
          expectedRetained += graph.shallow()[node];
        }
        if (inSubtree[node] != dominated) {
          fail("seed %d: %d dominates %d is %s", seed, dominator, node, inSubtree[node]);
        }
      }
      assertThat(tree.retainedSize(dominator))
          .as("seed %d: retained size of %d", seed, dominator)
          .isEqualTo(expectedRetained);
    }
  }

  /** The objects in the subtree of {@code top} (itself included), from the tree's pointers. */
  private static boolean[] subtree(DominatorTree tree, int top) {
    int nodes = tree.nodeCount();
    byte[] state = new byte[nodes]; // 0 unknown, 1 inside, 2 outside
    int[] path = new int[nodes];
    for (int node = 0; node < nodes; node++) {
      int length = 0;
      int current = node;
      byte found = 2;
      while (true) {
        if (current < 0) {
          found = 2;
          break;
        }
        if (current == top) {
          found = 1;
          break;
        }
        if (state[current] != 0) {
          found = state[current];
          break;
        }
        path[length++] = current;
        current = tree.immediateDominator(current);
      }
      for (int k = 0; k < length; k++) {
        state[path[k]] = found;
      }
    }
    boolean[] inside = new boolean[nodes];
    for (int node = 0; node < nodes; node++) {
      inside[node] = (node == top && tree.isReachable(top)) || state[node] == 1;
    }
    return inside;
  }

  /**
   * A heap-like graph: a tree whose edges mostly join nearby nodes, a long chain, extra edges
   * (mostly nearby, some anywhere, some weak), weak tree edges that make weakly-reachable-only
   * parts, and some nodes without a tree edge (unreachable unless another edge reaches them).
   */
  private static TestGraph heapLike(Random random) {
    int nodes = 110_000 + random.nextInt(40_000);
    List<int[]> edges = new ArrayList<>();
    List<Boolean> weak = new ArrayList<>();
    int chainStart = random.nextInt(nodes / 2);
    int chainEnd = chainStart + 20_000;
    for (int node = 1; node < nodes; node++) {
      if (random.nextInt(200) == 0) {
        continue;
      }
      int source =
          node > chainStart && node < chainEnd ? node - 1 : node - 1 - random.nextInt(Math.min(node, 64));
      edges.add(new int[] {source, node});
      weak.add(random.nextInt(100) == 0);
    }
    int extra = nodes * 3 / 4;
    for (int edge = 0; edge < extra; edge++) {
      int source = random.nextInt(nodes);
      int target =
          random.nextInt(10) == 0
              ? random.nextInt(nodes)
              : Math.floorMod(source + random.nextInt(2_001) - 1_000, nodes);
      edges.add(new int[] {source, target});
      weak.add(random.nextInt(30) == 0);
    }
    int[] roots = new int[1 + random.nextInt(20)];
    for (int index = 1; index < roots.length; index++) {
      roots[index] = random.nextInt(nodes);
    }
    int[] sources = new int[edges.size()];
    int[] targets = new int[edges.size()];
    boolean[] weakFlags = new boolean[edges.size()];
    for (int edge = 0; edge < edges.size(); edge++) {
      sources[edge] = edges.get(edge)[0];
      targets[edge] = edges.get(edge)[1];
      weakFlags[edge] = weak.get(edge);
    }
    long[] shallow = new long[nodes];
    for (int node = 0; node < nodes; node++) {
      shallow[node] = 16 + random.nextInt(1_000);
    }
    return new TestGraph(nodes, sources, targets, weakFlags, roots, shallow);
  }
}
