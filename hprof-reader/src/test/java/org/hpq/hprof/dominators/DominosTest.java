package org.hpq.hprof.dominators;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Random;
import java.util.concurrent.CancellationException;
import java.util.concurrent.atomic.AtomicInteger;
import org.hpq.hprof.store.BigArrays;
import org.junit.jupiter.api.Test;

class DominosTest {
  private static final BigArrays HEAP = BigArrays.onHeap();

  private record Answer(long domisize, int[] dominos, DominosSummary summary) {}

  private static Answer answer(ObjectGraph graph, DominatorTree tree, int[] set) {
    long domisize = Dominos.domisize(graph, tree, set, HEAP, TaskMonitor.NONE);
    List<Integer> nodes = new ArrayList<>();
    DominosSummary summary = Dominos.dominos(graph, tree, set, nodes::add, HEAP, TaskMonitor.NONE);
    return new Answer(domisize, nodes.stream().mapToInt(Integer::intValue).toArray(), summary);
  }

  private static int[] members(boolean[] membership) {
    return java.util.stream.IntStream.range(0, membership.length)
        .filter(node -> membership[node])
        .toArray();
  }

  @Test
  void jointlyRetainedObjectsCount() {
    //     R
    //    / \
    //   0   1        2 is kept alive by 0 and by 1: in neither's retained set,
    //    \ /         but in the retained set of {0, 1}.
    //     2 -> 3
    TestGraph test =
        TestGraph.builder(4).strong(0, 2).strong(1, 2).strong(2, 3).roots(0, 1).build();
    ObjectGraph graph = test.objectGraph();
    DominatorTree tree = DominatorTree.compute(graph, HEAP, TaskMonitor.NONE);
    Answer pair = answer(graph, tree, new int[] {0, 1});
    assertThat(pair.dominos()).containsExactly(0, 1, 2, 3);
    assertThat(pair.domisize()).isEqualTo(10 + 11 + 12 + 13);
    assertThat(pair.summary().method()).isEqualTo(DominosSummary.Method.WALK);
    Answer single = answer(graph, tree, new int[] {0});
    assertThat(single.dominos()).containsExactly(0);
    assertThat(single.summary().method()).isEqualTo(DominosSummary.Method.TREE);
  }

  @Test
  void memberBelowAnotherMemberCountsOnce() {
    // R -> 0 -> 1 -> 2, set {0, 1, 1}: just retained(0).
    TestGraph test = TestGraph.builder(3).strong(0, 1).strong(1, 2).roots(0).build();
    ObjectGraph graph = test.objectGraph();
    DominatorTree tree = DominatorTree.compute(graph, HEAP, TaskMonitor.NONE);
    Answer answer = answer(graph, tree, new int[] {1, 0, 1});
    assertThat(answer.domisize()).isEqualTo(tree.retainedSize(0));
    assertThat(answer.summary().method()).isEqualTo(DominosSummary.Method.TREE);
  }

  @Test
  void matchesBruteForceOnRandomSets() {
    int walks = 0;
    int walksWithJointRetention = 0;
    for (int round = 0; round < 400; round++) {
      long seed = 0xD0D0L + round;
      Random random = new Random(seed);
      TestGraph test = RandomGraphs.generate(random, round < 200 ? 15 : 80);
      ObjectGraph graph = test.objectGraph();
      DominatorTree tree = DominatorTree.compute(graph, HEAP, TaskMonitor.NONE);
      BruteForce oracle = new BruteForce(test);
      int nodeCount = test.nodeCount();
      for (int trial = 0; trial < 12; trial++) {
        boolean[] set = randomSet(random, test, tree, trial);
        int[] members = members(set);
        String context = "seed " + seed + " set " + Arrays.toString(members) + ": " + test;
        Answer answer = answer(graph, tree, members);
        assertThat(answer.domisize()).as(context).isEqualTo(oracle.domisize(set));
        assertThat(answer.dominos()).as(context).containsExactly(members(oracle.dominos(set)));
        assertThat(answer.summary().totalSize()).as(context).isEqualTo(oracle.domisize(set));
        assertThat(answer.summary().objectCount()).as(context).isEqualTo(answer.dominos().length);
        DominosSummary walked =
            Dominos.walk(graph, tree, node -> set[node], null, HEAP, TaskMonitor.NONE);
        assertThat(walked.totalSize()).as(context).isEqualTo(oracle.domisize(set));
        List<Integer> lostNodes = new ArrayList<>();
        DominosSummary lost =
            Dominos.lost(graph, tree, node -> set[node], Arrays.stream(members).iterator(), lostNodes::add, HEAP,
                TaskMonitor.NONE);
        assertThat(lost.totalSize()).as(context).isEqualTo(oracle.domisize(set));
        assertThat(lostNodes).as(context).containsExactly(boxed(members(oracle.dominos(set))));
        assertThat(lost.objectCount()).as(context).isEqualTo(lostNodes.size());
        if (answer.summary().method() == DominosSummary.Method.WALK) {
          walks++;
          long sumOfRetained = 0;
          for (int node : members) {
            sumOfRetained += tree.retainedSize(node);
          }
          if (answer.domisize() > sumOfRetained) {
            walksWithJointRetention++;
          }
        }
        // The brief's definition on the original graph, for sets of strongly reachable objects.
        boolean allStrong = true;
        for (int node : members) {
          allStrong &= oracle.strong[node];
        }
        if (allStrong) {
          long total = oracle.strongSizeWithout(new boolean[nodeCount]);
          assertThat(answer.domisize()).as(context).isEqualTo(total - oracle.strongSizeWithout(set));
        }
      }
    }
    // The random sets must exercise the search, including sets that jointly retain something.
    assertThat(walks).isGreaterThan(500);
    assertThat(walksWithJointRetention).isGreaterThan(50);
  }

  private static Integer[] boxed(int[] values) {
    return Arrays.stream(values).boxed().toArray(Integer[]::new);
  }

  @Test
  void objectsBelowAMemberlessSubtreeCanSurviveThroughIt() {
    //  R -> 0 (u), R -> 1 (s1), 0 -> 2 (b), 1 -> 2, 2 -> 3 (s2); S = {1, 3}. The subtree of 0 holds
    //  no member, and 2 (whose subtree holds 3) survives only through 0.
    TestGraph test =
        TestGraph.builder(4).strong(0, 2).strong(1, 2).strong(2, 3).roots(0, 1).build();
    ObjectGraph graph = test.objectGraph();
    DominatorTree tree = DominatorTree.compute(graph, HEAP, TaskMonitor.NONE);
    List<Integer> nodes = new ArrayList<>();
    DominosSummary lost =
        Dominos.lost(graph, tree, node -> node == 1 || node == 3, Arrays.stream(new int[] {3, 1, 3}).iterator(),
            nodes::add, HEAP, TaskMonitor.NONE);
    assertThat(nodes).containsExactly(1, 3);
    assertThat(lost.totalSize()).isEqualTo(11 + 13);
    assertThat(answer(graph, tree, new int[] {1, 3}).domisize()).isEqualTo(11 + 13);
  }

  @Test
  void leavesOfALargeGraphAreSearchedFromTheMembers() {
    // A binary tree whose leaves also point to a shared sink, and a leaf set holding every
    // second leaf: the members reach few objects, so domisize searches from them. Seeded edges
    // between leaves make joint retention and survival through other leaves.
    for (long seed = 1; seed <= 20; seed++) {
      Random random = new Random(seed);
      int nodes = 2_000 + random.nextInt(2_000);
      TestGraph.Builder builder = TestGraph.builder(nodes);
      for (int node = 1; node < nodes; node++) {
        builder.strong((node - 1) / 2, node);
      }
      int firstLeaf = nodes / 2;
      for (int extra = 0; extra < 50; extra++) {
        int from = firstLeaf + random.nextInt(nodes - firstLeaf);
        int to = firstLeaf + random.nextInt(nodes - firstLeaf);
        if (random.nextInt(5) == 0) {
          builder.weak(from, to);
        } else {
          builder.strong(from, to);
        }
      }
      TestGraph test = builder.roots(0).build();
      ObjectGraph graph = test.objectGraph();
      DominatorTree tree = DominatorTree.compute(graph, HEAP, TaskMonitor.NONE);
      boolean[] set = new boolean[nodes];
      for (int node = firstLeaf; node < nodes; node += 1 + random.nextInt(3)) {
        set[node] = true;
      }
      int[] members = members(set);
      BruteForce oracle = new BruteForce(test);
      String context = "seed " + seed;
      Answer answer = answer(graph, tree, members);
      assertThat(answer.domisize()).as(context).isEqualTo(oracle.domisize(set));
      assertThat(answer.dominos()).as(context).containsExactly(members(oracle.dominos(set)));
      assertThat(answer.summary().method()).as(context).isEqualTo(DominosSummary.Method.WALK);
    }
  }

  /** Sets of many shapes: single nodes, sibling pairs, a node with its dominator, random. */
  private static boolean[] randomSet(Random random, TestGraph test, DominatorTree tree, int trial) {
    int nodeCount = test.nodeCount();
    boolean[] set = new boolean[nodeCount];
    int node = random.nextInt(nodeCount);
    set[node] = true;
    switch (trial % 4) {
      case 0 -> {}
      case 1 -> {
        // Two referrers of one object: the typical jointly retaining pair.
        int target = test.targets().length == 0 ? node : test.targets()[random.nextInt(test.targets().length)];
        for (int edge = 0; edge < test.edgeCount(); edge++) {
          if (test.targets()[edge] == target && random.nextBoolean()) {
            set[test.sources()[edge]] = true;
          }
        }
      }
      case 2 -> {
        int dominator = tree.immediateDominator(node);
        if (dominator >= 0) {
          set[dominator] = true;
        }
        set[random.nextInt(nodeCount)] = true;
      }
      default -> {
        double share = random.nextDouble() * 0.5;
        for (int other = 0; other < nodeCount; other++) {
          set[other] |= random.nextDouble() < share;
        }
      }
    }
    return set;
  }

  @Test
  void walkCanBeCancelledAndReportsProgress() {
    int nodes = 200_000;
    TestGraph.Builder builder = TestGraph.builder(nodes);
    for (int node = 0; node + 1 < nodes; node++) {
      builder.strong(node, node + 1);
    }
    ObjectGraph graph = builder.roots(0).build().objectGraph();
    DominatorTree tree = DominatorTree.compute(graph, HEAP, TaskMonitor.NONE);
    AtomicInteger checks = new AtomicInteger();
    AtomicInteger reports = new AtomicInteger();
    TaskMonitor monitor =
        TaskMonitor.of(
            () -> checks.incrementAndGet() >= 2, (phase, done, total) -> reports.incrementAndGet());
    assertThatThrownBy(
            () -> Dominos.walk(graph, tree, node -> node == 150_000 || node == 150_002, null, HEAP, monitor))
        .isInstanceOf(CancellationException.class)
        .hasMessageContaining("set walk");
    assertThat(checks.get()).isEqualTo(2);
    assertThat(reports.get()).isEqualTo(1);
  }
}
