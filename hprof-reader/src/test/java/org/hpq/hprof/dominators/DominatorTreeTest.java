package org.hpq.hprof.dominators;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Random;
import org.hpq.hprof.store.BigArrays;
import org.junit.jupiter.api.Test;

class DominatorTreeTest {
  private static final int ROOT = DominatorTree.ROOT;
  private static final int UNREACHABLE = DominatorTree.UNREACHABLE;

  private static DominatorTree compute(TestGraph graph) {
    return DominatorTree.compute(graph.objectGraph(), BigArrays.onHeap(), TaskMonitor.NONE);
  }

  private static int[] dominators(DominatorTree tree) {
    int[] result = new int[tree.nodeCount()];
    for (int node = 0; node < result.length; node++) {
      result[node] = tree.immediateDominator(node);
    }
    return result;
  }

  @Test
  void diamond() {
    //   R
    //   |
    //   0
    //  / \
    // 1   2
    //  \ /
    //   3 -> 4
    TestGraph graph =
        TestGraph.builder(5).strong(0, 1, 2).strong(1, 3).strong(2, 3).strong(3, 4).roots(0).build();
    DominatorTree tree = compute(graph);
    assertThat(dominators(tree)).containsExactly(ROOT, 0, 0, 0, 3);
    // shallow sizes are 10 + node
    assertThat(tree.retainedSize(3)).isEqualTo(13 + 14);
    assertThat(tree.retainedSize(0)).isEqualTo(10 + 11 + 12 + 13 + 14);
  }

  @Test
  void weaklyReachableOnlyObjectsHangUnderTheVirtualRoot() {
    //   R
    //   |
    //   0 ~~> 1 -> 2      ~~> weak (Reference.referent)
    //   |     |
    //   v     v
    //   3 <---+           1 -> 3 must not make 3 a child of R or of 1
    //   4 (unreachable) -> 0
    TestGraph graph =
        TestGraph.builder(5)
            .weak(0, 1)
            .strong(0, 3)
            .strong(1, 2, 3)
            .strong(4, 0)
            .roots(0)
            .build();
    DominatorTree tree = compute(graph);
    assertThat(dominators(tree)).containsExactly(ROOT, ROOT, 1, 0, UNREACHABLE);
    assertThat(tree.isWeakRoot(1)).isTrue();
    assertThat(tree.isStronglyReachable(1)).isFalse();
    assertThat(tree.isStronglyReachable(3)).isTrue();
    assertThat(tree.isReachable(4)).isFalse();
    assertThat(tree.retainedSize(0)).isEqualTo(10 + 13);
    assertThat(tree.retainedSize(1)).isEqualTo(11 + 12);
    assertThat(tree.retainedSize(4)).isZero();
  }

  @Test
  void weakEdgeToAStronglyReachableObjectChangesNothing() {
    //   R    R
    //   |    |
    //   0    1
    //   |  ~~^     0 ~~> 1 and 0 -> 2 -> 1: 1 stays a root's child, 2 stays under 0
    //   2 ---+
    TestGraph graph =
        TestGraph.builder(3).weak(0, 1).strong(0, 2).strong(2, 1).roots(0, 1).build();
    DominatorTree tree = compute(graph);
    assertThat(dominators(tree)).containsExactly(ROOT, ROOT, 0);
    assertThat(tree.isWeakRoot(1)).isFalse();
  }

  @Test
  void weakOnlyPartHasItsOwnDominators() {
    //   R
    //   |
    //   0 ~~> 1 -> 2 -> 3       3 is reached only through 1 ~> ... and 4 ~> ...: both weak
    //   |           ^           roots, so 3's dominator is R; 2's is 1.
    //   +~~> 4 -----+
    TestGraph graph =
        TestGraph.builder(5)
            .weak(0, 1)
            .weak(0, 4)
            .strong(1, 2)
            .strong(2, 3)
            .strong(4, 3)
            .roots(0)
            .build();
    assertThat(dominators(compute(graph))).containsExactly(ROOT, ROOT, 1, ROOT, ROOT);
  }

  @Test
  void weakEdgeFromWeakOnlyPartMakesAWeakRoot() {
    //   R
    //   |
    //   0 ~~> 1 -> 2 ~~> 3 -> 4      3 is a weak root (weak edge from reachable 2)
    //                    ^
    //              1 ----+           and also strongly referenced from 1: still under R
    TestGraph graph =
        TestGraph.builder(5)
            .weak(0, 1)
            .strong(1, 2, 3)
            .weak(2, 3)
            .strong(3, 4)
            .roots(0)
            .build();
    assertThat(dominators(compute(graph))).containsExactly(ROOT, ROOT, 1, ROOT, 3);
  }

  @Test
  void duplicateRootsAndSelfLoops() {
    TestGraph graph =
        TestGraph.builder(3).strong(0, 0, 1).strong(1, 1, 2).strong(2, 0).roots(0, 0, 2).build();
    assertThat(dominators(compute(graph))).containsExactly(ROOT, 0, ROOT);
  }

  @Test
  void noRootsMeansNothingIsReachable() {
    TestGraph graph = TestGraph.builder(2).strong(0, 1).build();
    DominatorTree tree = compute(graph);
    assertThat(dominators(tree)).containsExactly(UNREACHABLE, UNREACHABLE);
    assertThat(tree.retainedSize(0)).isZero();
  }

  @Test
  void matchesBruteForceOnRandomGraphs() {
    for (int round = 0; round < 600; round++) {
      long seed = 0x5EED0000L + round;
      TestGraph graph = RandomGraphs.generate(new Random(seed), round < 300 ? 12 : 120);
      String context = "seed " + seed + ": " + graph;
      BruteForce oracle = new BruteForce(graph);
      DominatorTree tree = compute(graph);
      assertThat(dominators(tree)).as(context).containsExactly(oracle.immediateDominators());
      for (int node = 0; node < graph.nodeCount(); node++) {
        boolean[] alone = new boolean[graph.nodeCount()];
        alone[node] = true;
        assertThat(tree.retainedSize(node))
            .as("retained(%d), %s", node, context)
            .isEqualTo(oracle.reachable[node] ? oracle.domisize(alone) : 0);
        assertThat(tree.isStronglyReachable(node))
            .as("strong(%d), %s", node, context)
            .isEqualTo(oracle.strong[node]);
        assertThat(tree.isReachable(node))
            .as("reachable(%d), %s", node, context)
            .isEqualTo(oracle.reachable[node]);
        assertThat(tree.isWeakRoot(node))
            .as("weak root(%d), %s", node, context)
            .isEqualTo(oracle.weakRoot[node]);
      }
    }
  }

  @Test
  void retainedSizeOfStronglyReachableObjectsIsWhatTheirRemovalFrees() {
    // The brief's definition, on the original graph, no flow graph involved:
    // retained(x) = strongly reachable size - strongly reachable size without x.
    for (int round = 0; round < 300; round++) {
      long seed = 0xA11CEL + round;
      TestGraph graph = RandomGraphs.generate(new Random(seed), 60);
      BruteForce oracle = new BruteForce(graph);
      DominatorTree tree = compute(graph);
      long total = oracle.strongSizeWithout(new boolean[graph.nodeCount()]);
      for (int node = 0; node < graph.nodeCount(); node++) {
        if (oracle.strong[node]) {
          boolean[] removed = new boolean[graph.nodeCount()];
          removed[node] = true;
          assertThat(tree.retainedSize(node))
              .as("retained(%d), seed %d: %s", node, seed, graph)
              .isEqualTo(total - oracle.strongSizeWithout(removed));
        }
      }
    }
  }
}
