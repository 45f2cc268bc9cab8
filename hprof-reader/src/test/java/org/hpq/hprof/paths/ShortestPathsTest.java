package org.hpq.hprof.paths;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Random;
import java.util.Set;
import org.hpq.hprof.dominators.ObjectGraph;
import org.hpq.hprof.dominators.RandomGraphs;
import org.hpq.hprof.dominators.TaskMonitor;
import org.hpq.hprof.dominators.TestGraph;
import org.hpq.hprof.store.BigArrays;
import org.junit.jupiter.api.Test;

class ShortestPathsTest {
  private static final BigArrays HEAP = BigArrays.onHeap();

  private static ShortestPathResult find(
      TestGraph graph, int target, WeakEdges weakEdges, int maxPaths) {
    return ShortestPaths.find(
        graph.objectGraph(), node -> node == target, weakEdges, maxPaths, HEAP, TaskMonitor.NONE);
  }

  @Test
  void twoFieldsAndTwoRouteCountAsPaths() {
    //  R (root entries 0 and 1 both name object 0)
    //  |
    //  0 --a--> 1 --c--> 3
    //  |  --b-->         ^       edges positions: 0->1 (0), 0->1 (1), 0->2 (2), 1->3 (3), 2->3 (4)
    //  +------> 2 -------+
    TestGraph graph =
        TestGraph.builder(4).strong(0, 1, 1, 2).strong(1, 3).strong(2, 3).roots(0, 0).build();
    ShortestPathResult result = find(graph, 3, WeakEdges.FOLLOW, 100);
    assertThat(result.length()).isEqualTo(3);
    assertThat(result.pathCount()).isEqualTo(2 * 3);
    assertThat(result.targetCount()).isEqualTo(1);
    assertThat(result.paths())
        .containsExactly(
            ReferencePath.of(0, new int[] {0, 1, 3}, new long[] {0, 3}),
            ReferencePath.of(1, new int[] {0, 1, 3}, new long[] {0, 3}),
            ReferencePath.of(0, new int[] {0, 1, 3}, new long[] {1, 3}),
            ReferencePath.of(1, new int[] {0, 1, 3}, new long[] {1, 3}),
            ReferencePath.of(0, new int[] {0, 2, 3}, new long[] {2, 4}),
            ReferencePath.of(1, new int[] {0, 2, 3}, new long[] {2, 4}));
  }

  @Test
  void weakEdgesCanBeSkipped() {
    //  R -> 0 ~~> 2         with weak edges: 0 ~> 2, length 2
    //       |     ^         without:         0 -> 1 -> 2, length 3
    //       +-> 1 +
    TestGraph graph = TestGraph.builder(3).weak(0, 2).strong(0, 1).strong(1, 2).roots(0).build();
    assertThat(find(graph, 2, WeakEdges.FOLLOW, 5).length()).isEqualTo(2);
    ShortestPathResult strong = find(graph, 2, WeakEdges.SKIP, 5);
    assertThat(strong.length()).isEqualTo(3);
    assertThat(strong.paths()).singleElement().extracting(ReferencePath::rootIndex).isEqualTo(0);
    assertThat(strong.paths().get(0).nodes()).containsExactly(0, 1, 2);
  }

  @Test
  void unreachableTargetHasNoPath() {
    TestGraph graph = TestGraph.builder(3).strong(0, 1).strong(2, 0).roots(0).build();
    ShortestPathResult result = find(graph, 2, WeakEdges.FOLLOW, 5);
    assertThat(result.found()).isFalse();
    assertThat(result.pathCount()).isZero();
    assertThat(result.paths()).isEmpty();
  }

  @Test
  void countSaturates() {
    // 0 => 1 => 2 => ... => 70, each step two parallel edges: 2^70 paths.
    TestGraph.Builder builder = TestGraph.builder(71);
    for (int node = 0; node < 70; node++) {
      builder.strong(node, node + 1, node + 1);
    }
    ShortestPathResult result = find(builder.roots(0).build(), 70, WeakEdges.FOLLOW, 3);
    assertThat(result.isCountSaturated()).isTrue();
    assertThat(result.length()).isEqualTo(71);
    assertThat(result.paths()).hasSize(3).doesNotHaveDuplicates();
  }

  @Test
  void deepChainNeedsNoRecursion() {
    int nodes = 100_000;
    TestGraph.Builder builder = TestGraph.builder(nodes);
    for (int node = 0; node + 1 < nodes; node++) {
      builder.strong(node, node + 1);
    }
    ShortestPathResult result = find(builder.roots(0).build(), nodes - 1, WeakEdges.FOLLOW, 2);
    assertThat(result.length()).isEqualTo(nodes);
    assertThat(result.pathCount()).isEqualTo(1);
    assertThat(result.paths()).singleElement().extracting(ReferencePath::length).isEqualTo(nodes);
  }

  @Test
  void matchesBruteForceOnRandomGraphs() {
    int compared = 0;
    for (int round = 0; round < 500; round++) {
      long seed = 0x5B00L + round;
      Random random = new Random(seed);
      TestGraph test = RandomGraphs.generate(random, 30);
      boolean[] targets = new boolean[test.nodeCount()];
      for (int pick = 1 + random.nextInt(3); pick > 0; pick--) {
        targets[random.nextInt(test.nodeCount())] = true;
      }
      WeakEdges weakEdges = random.nextBoolean() ? WeakEdges.FOLLOW : WeakEdges.SKIP;
      int maxPaths = random.nextInt(8);
      String context = "seed " + seed + " " + weakEdges + ": " + test;
      ShortestPathResult result =
          ShortestPaths.find(
              test.objectGraph(), node -> targets[node], weakEdges, maxPaths, HEAP, TaskMonitor.NONE);
      List<ReferencePath> all = allShortestPaths(test, targets, weakEdges == WeakEdges.SKIP);
      if (all == null) {
        continue; // too many paths to list by brute force
      }
      compared++;
      assertThat(result.pathCount()).as(context).isEqualTo(all.size());
      assertThat(result.length()).as(context).isEqualTo(all.isEmpty() ? 0 : all.get(0).length());
      assertThat(result.paths()).as(context).hasSize(Math.min(maxPaths, all.size()));
      assertThat(result.paths()).as(context).doesNotHaveDuplicates();
      assertThat(all).as(context).containsAll(result.paths());
      Set<Integer> nearest = new HashSet<>();
      for (ReferencePath path : all) {
        nearest.add(path.node(path.length() - 1));
      }
      assertThat(result.targetCount()).as(context).isEqualTo(nearest.size());
    }
    assertThat(compared).isGreaterThan(400);
  }

  /**
   * Every walk from a root entry with as many objects as the distance of the nearest target, and
   * ending at a target, listed explicitly (such walks are exactly the shortest paths); null when
   * there are more than 100,000.
   */
  private static List<ReferencePath> allShortestPaths(
      TestGraph test, boolean[] targets, boolean skipWeak) {
    List<int[]> edges = test.edgesInCsrOrder();
    int nodes = test.nodeCount();
    int[] distance = new int[nodes];
    ArrayDeque<Integer> queue = new ArrayDeque<>();
    for (int root : test.roots()) {
      if (distance[root] == 0) {
        distance[root] = 1;
        queue.add(root);
      }
    }
    int nearest = 0;
    while (!queue.isEmpty()) {
      int node = queue.poll();
      if (targets[node] && (nearest == 0 || distance[node] < nearest)) {
        nearest = distance[node];
      }
      for (int[] edge : edges) {
        if (edge[0] == node && !(skipWeak && edge[2] == 1) && distance[edge[1]] == 0) {
          distance[edge[1]] = distance[node] + 1;
          queue.add(edge[1]);
        }
      }
    }
    List<ReferencePath> paths = new ArrayList<>();
    if (nearest == 0) {
      return paths;
    }
    for (int rootIndex = 0; rootIndex < test.roots().length; rootIndex++) {
      ArrayDeque<int[]> walks = new ArrayDeque<>(); // each: nodes then edge positions
      walks.push(new int[] {test.roots()[rootIndex]});
      while (!walks.isEmpty()) {
        int[] walk = walks.pop();
        int length = (walk.length + 1) / 2;
        int last = walk[length - 1];
        if (length == nearest) {
          if (targets[last]) {
            int[] walkNodes = java.util.Arrays.copyOf(walk, length);
            long[] positions = new long[length - 1];
            for (int step = 0; step < length - 1; step++) {
              positions[step] = walk[length + step];
            }
            paths.add(ReferencePath.of(rootIndex, walkNodes, positions));
            if (paths.size() > 100_000) {
              return null;
            }
          }
          continue;
        }
        for (int position = 0; position < edges.size(); position++) {
          int[] edge = edges.get(position);
          if (edge[0] == last && !(skipWeak && edge[2] == 1)) {
            int[] longer = new int[walk.length + 2];
            System.arraycopy(walk, 0, longer, 0, length);
            longer[length] = edge[1];
            System.arraycopy(walk, length, longer, length + 1, length - 1);
            longer[longer.length - 1] = position;
            walks.push(longer);
          }
        }
      }
    }
    return paths;
  }
}
