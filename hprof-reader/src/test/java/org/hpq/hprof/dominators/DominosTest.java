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
