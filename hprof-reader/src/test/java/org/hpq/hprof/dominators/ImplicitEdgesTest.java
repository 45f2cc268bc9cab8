package org.hpq.hprof.dominators;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Random;
import java.util.stream.IntStream;
import org.hpq.hprof.graph.Csr;
import org.hpq.hprof.paths.ShortestPathResult;
import org.hpq.hprof.paths.ShortestPaths;
import org.hpq.hprof.paths.WeakEdges;
import org.hpq.hprof.store.BigArrays;
import org.junit.jupiter.api.Test;

/**
 * A graph whose nodes keep one edge implicit (as an index keeps each object's edge to its class
 * in the class column) must answer every graph computation as the same graph with all edges
 * stored: the dominator tree, its certificate, domisize, and shortest paths.
 */
class ImplicitEdgesTest {
  private static final BigArrays HEAP = BigArrays.onHeap();

  /** The same edges as {@code graph}, each node's last edge (if strong) implicit. */
  private static Csr implicitForm(TestGraph graph) {
    int nodes = graph.nodeCount();
    List<int[]> byNode = graph.edgesInCsrOrder();
    int[] implicit = new int[nodes];
    Arrays.fill(implicit, -1);
    boolean[] last = new boolean[byNode.size()];
    for (int e = 0; e < byNode.size(); e++) {
      int[] edge = byNode.get(e);
      boolean lastOfNode = e + 1 == byNode.size() || byNode.get(e + 1)[0] != edge[0];
      if (lastOfNode && edge[2] == 0) {
        implicit[edge[0]] = edge[1];
        last[e] = true;
      }
    }
    List<int[]> stored = new ArrayList<>();
    for (int e = 0; e < byNode.size(); e++) {
      if (!last[e]) {
        stored.add(byNode.get(e));
      }
    }
    int[] sources = stored.stream().mapToInt(edge -> edge[0]).toArray();
    int[] targets = stored.stream().mapToInt(edge -> edge[1]).toArray();
    boolean[] weak = new boolean[stored.size()];
    for (int e = 0; e < weak.length; e++) {
      weak[e] = stored.get(e)[2] == 1;
    }
    Csr explicit = Csr.fromEdges(nodes, sources, targets, weak);
    long implicitCount = Arrays.stream(implicit).filter(target -> target >= 0).count();
    // Half the graphs name their implicit targets (with one more node), half leave them to be found.
    int[] known = nodes % 2 == 0 ? null : IntStream.concat(Arrays.stream(implicit), IntStream.of(0)).toArray();
    return Csr.withImplicitEdges(
        explicit.offsets(), explicit.neighbours(), explicit.weakBits(), BigArrays.wrap(implicit), implicitCount,
        known == null ? null : Arrays.stream(known).filter(target -> target >= 0).toArray());
  }

  /** Each node's edges as "target" or "target~" (weak), in list order. */
  private static List<String> edges(Csr csr) {
    List<String> edges = new ArrayList<>();
    for (int node = 0; node < csr.nodeCount(); node++) {
      StringBuilder list = new StringBuilder().append(node).append(':');
      for (long p = csr.start(node); p < csr.end(node); p++) {
        list.append(' ').append(csr.neighbour(node, p)).append(csr.isWeak(node, p) ? "~" : "");
      }
      edges.add(list.toString());
    }
    return edges;
  }

  @Test
  void listsTheImplicitEdgeLastAndCountsIt() {
    //   0 -> 1, 0 ~> 2, implicit 0 -> 3; 1 has only its implicit edge to 3; 2 none; 3 -> 0
    Csr explicit = Csr.fromEdges(4, new int[] {0, 0, 3}, new int[] {1, 2, 0}, new boolean[] {false, true, false});
    Csr csr = Csr.withImplicitEdges(
        explicit.offsets(), explicit.neighbours(), explicit.weakBits(), BigArrays.wrap(new int[] {3, 3, -1, -1}), 2,
        null);
    assertThat(edges(csr)).containsExactly("0: 1 2~ 3", "1: 3", "2:", "3: 0");
    assertThat(csr.edgeCount()).isEqualTo(5);
    assertThat(csr.implicitNeighbour(0)).isEqualTo(3);
    assertThat(csr.implicitNeighbour(2)).isEqualTo(-1);
    assertThat(csr.implicitTargets()).containsExactly(3);
    assertThat(edges(csr.explicit(HEAP))).isEqualTo(edges(csr));
    assertThat(edges(csr.transpose(HEAP))).containsExactly("0: 3", "1: 0", "2: 0~", "3: 0 1");
    assertThatThrownBy(() -> csr.neighbour(0L)).isInstanceOf(IllegalStateException.class);
    assertThatThrownBy(() -> csr.isWeak(0L)).isInstanceOf(IllegalStateException.class);
  }

  @Test
  void randomGraphsGiveTheSameAnswersWithImplicitEdges() {
    for (long seed = 1; seed <= 300; seed++) {
      Random random = new Random(seed);
      TestGraph test = RandomGraphs.generate(random, 40);
      ObjectGraph stored = test.objectGraph();
      Csr implicit = implicitForm(test);
      String context = "seed " + seed + ": " + test;
      assertThat(edges(implicit)).as(context).isEqualTo(edges(stored.outbound()));
      // The inbound side as the index builds it: transposed from the stored form.
      ObjectGraph graph = ObjectGraph.of(implicit, stored.inbound(), test.roots(), stored.shallowSizes());
      DominatorTree expected = DominatorTree.compute(stored, HEAP, TaskMonitor.NONE);
      DominatorTree actual = DominatorTree.compute(graph, HEAP, TaskMonitor.NONE);
      for (int node = 0; node < test.nodeCount(); node++) {
        assertThat(actual.immediateDominator(node)).as("idom of %d, %s", node, context)
            .isEqualTo(expected.immediateDominator(node));
        assertThat(actual.retainedSize(node)).as("retained of %d, %s", node, context)
            .isEqualTo(expected.retainedSize(node));
        assertThat(actual.isStronglyReachable(node)).as(context).isEqualTo(expected.isStronglyReachable(node));
        assertThat(actual.isWeakRoot(node)).as(context).isEqualTo(expected.isWeakRoot(node));
      }
      assertThat(DominatorCertificate.check(graph, actual, HEAP, 20, TaskMonitor.NONE)).as(context).isEmpty();
      int[] members = random.ints(1 + random.nextInt(4), 0, test.nodeCount()).toArray();
      assertThat(Dominos.domisize(graph, actual, members, HEAP, TaskMonitor.NONE)).as(context)
          .isEqualTo(Dominos.domisize(stored, expected, members, HEAP, TaskMonitor.NONE));
      int target = random.nextInt(test.nodeCount());
      for (WeakEdges weakEdges : WeakEdges.values()) {
        ShortestPathResult viaImplicit =
            ShortestPaths.find(graph, node -> node == target, weakEdges, 50, HEAP, TaskMonitor.NONE);
        ShortestPathResult viaStored =
            ShortestPaths.find(stored, node -> node == target, weakEdges, 50, HEAP, TaskMonitor.NONE);
        assertThat(viaImplicit.length()).as(context).isEqualTo(viaStored.length());
        assertThat(viaImplicit.pathCount()).as(context).isEqualTo(viaStored.pathCount());
        assertThat(steps(graph, viaImplicit)).as(context).isEqualTo(steps(stored, viaStored));
      }
    }
  }

  @Test
  void theCertificateSeesImplicitEdges() {
    //   R    R
    //   |    |
    //   0    2        0 -> 1 stored, 2 -> 1 implicit: claiming idom(1) = 0 must be caught
    //    \  /
    //     1
    Csr explicit = Csr.fromEdges(3, new int[] {0}, new int[] {1}, new boolean[] {false});
    Csr outbound = Csr.withImplicitEdges(
        explicit.offsets(), explicit.neighbours(), explicit.weakBits(), BigArrays.wrap(new int[] {-1, -1, 1}), 1,
        new int[] {1});
    ObjectGraph graph = ObjectGraph.of(outbound, new int[] {0, 2}, BigArrays.wrap(new long[] {8, 16, 24}), HEAP);
    DominatorTree tree = DominatorTree.compute(graph, HEAP, TaskMonitor.NONE);
    assertThat(tree.immediateDominator(1)).isEqualTo(DominatorTree.ROOT);
    assertThat(DominatorCertificate.check(graph, tree, HEAP, 20, TaskMonitor.NONE)).isEmpty();
    assertThat(DominatorCertificate.check(
            graph, DominatorCertificateTest.withDominator(graph, tree, 1, 0), HEAP, 20, TaskMonitor.NONE))
        .isNotEmpty();
  }

  @Test
  void implicitEdgesAreFollowedUntilTheirLastTargetIsVisited() {
    // A chain 0 -> 1 -> ... -> n - 3 of stored edges; every chain node's implicit edge leads to
    // node 0, except the last one's, which leads to n - 2, and n - 2's leads to n - 1. The search
    // checks which implicit targets it has visited every 65,536 nodes and stops reading implicit
    // edges after the last: here only at the very end, so n - 2 and n - 1 are still found.
    int n = 300_000;
    int[] sources = new int[n - 3];
    int[] targets = new int[n - 3];
    for (int node = 0; node + 1 < n - 2; node++) {
      sources[node] = node;
      targets[node] = node + 1;
    }
    int[] implicit = new int[n];
    Arrays.fill(implicit, 0);
    implicit[n - 3] = n - 2;
    implicit[n - 2] = n - 1;
    implicit[n - 1] = -1;
    Csr explicit = Csr.fromEdges(n, sources, targets, new boolean[sources.length]);
    long[] shallow = new long[n];
    Arrays.fill(shallow, 16);
    for (int[] known : new int[][] {null, {0, n - 2, n - 1}}) {
      Csr outbound = Csr.withImplicitEdges(
          explicit.offsets(), explicit.neighbours(), explicit.weakBits(), BigArrays.wrap(implicit), n - 1, known);
      ObjectGraph graph = ObjectGraph.of(outbound, new int[] {0}, BigArrays.wrap(shallow), HEAP);
      DominatorTree tree = DominatorTree.compute(graph, HEAP, TaskMonitor.NONE);
      assertThat(tree.immediateDominator(n - 2)).isEqualTo(n - 3);
      assertThat(tree.immediateDominator(n - 1)).isEqualTo(n - 2);
      assertThat(tree.retainedSize(0)).isEqualTo(16L * n);
      assertThat(DominatorCertificate.check(graph, tree, HEAP, 20, TaskMonitor.NONE)).isEmpty();
    }
  }

  /**
   * The paths as node lists; each step's edge position must lead from its node to the next in
   * {@code graph} (positions differ between the two forms, the edges they name do not).
   */
  private static List<String> steps(ObjectGraph graph, ShortestPathResult result) {
    List<String> paths = new ArrayList<>();
    for (var path : result.paths()) {
      StringBuilder text = new StringBuilder().append(path.rootIndex());
      for (int index = 0; index < path.length(); index++) {
        int node = path.node(index);
        text.append(' ').append(node);
        if (index + 1 < path.length()) {
          assertThat(graph.outbound().neighbour(node, path.edgePosition(index))).isEqualTo(path.node(index + 1));
        }
      }
      paths.add(text.toString());
    }
    return paths;
  }
}
