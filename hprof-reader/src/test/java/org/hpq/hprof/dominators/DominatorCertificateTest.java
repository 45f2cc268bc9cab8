package org.hpq.hprof.dominators;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.Random;
import org.hpq.hprof.store.BigArrays;
import org.hpq.hprof.store.IntArray;
import org.hpq.hprof.store.LongArray;
import org.junit.jupiter.api.Test;

class DominatorCertificateTest {
  private static final BigArrays HEAP = BigArrays.onHeap();

  private static List<String> check(ObjectGraph graph, DominatorTree tree) {
    return DominatorCertificate.check(graph, tree, HEAP, 20, TaskMonitor.NONE);
  }

  /** A copy of {@code tree} with node's dominator replaced and retained sizes made consistent. */
  static DominatorTree withDominator(
      ObjectGraph graph, DominatorTree tree, int node, int dominator) {
    int nodes = tree.nodeCount();
    int[] dominators = new int[nodes];
    for (int index = 0; index < nodes; index++) {
      dominators[index] = tree.immediateDominator(index);
    }
    dominators[node] = dominator;
    long[] retained = new long[nodes];
    for (int index = 0; index < nodes; index++) {
      if (dominators[index] == DominatorTree.UNREACHABLE) {
        continue;
      }
      // Add each object's size to itself and every ancestor (the corrupted tree stays acyclic).
      for (int ancestor = index; ancestor != DominatorTree.ROOT; ancestor = dominators[ancestor]) {
        retained[ancestor] += graph.shallowSize(index);
      }
    }
    return DominatorTree.of(
        BigArrays.wrap(dominators),
        BigArrays.wrap(retained),
        copy(tree.stronglyReachableBits()),
        copy(tree.weakRootBits()));
  }

  private static LongArray copy(LongArray array) {
    long[] values = new long[(int) array.size()];
    for (int index = 0; index < values.length; index++) {
      values[index] = array.get(index);
    }
    return BigArrays.wrap(values);
  }

  @Test
  void computedTreesPass() {
    for (int round = 0; round < 400; round++) {
      long seed = 0xCE27L + round;
      TestGraph test = RandomGraphs.generate(new Random(seed), 150);
      ObjectGraph graph = test.objectGraph();
      DominatorTree tree = DominatorTree.compute(graph, HEAP, TaskMonitor.NONE);
      assertThat(check(graph, tree)).as("seed %d: %s", seed, test).isEmpty();
    }
  }

  @Test
  void nodeHungTooHighIsCaught() {
    //   R
    //   |
    //   0          claim idom(2) = 0 instead of 1: every referrer of 2 is below 1
    //   |
    //   1 -> 2 -> 3
    TestGraph test = TestGraph.builder(4).strong(0, 1).strong(1, 2).strong(2, 3).roots(0).build();
    ObjectGraph graph = test.objectGraph();
    DominatorTree tree = DominatorTree.compute(graph, HEAP, TaskMonitor.NONE);
    assertThat(check(graph, withDominator(graph, tree, 2, 0)))
        .singleElement()
        .asString()
        .contains("immediate dominator 0 of object 2 is not the nearest");
  }

  @Test
  void corruptedTreesAreCaught() {
    int corrupted = 0;
    for (int round = 0; round < 400; round++) {
      long seed = 0xBAD0L + round;
      Random random = new Random(seed);
      TestGraph test = RandomGraphs.generate(random, 60);
      ObjectGraph graph = test.objectGraph();
      DominatorTree tree = DominatorTree.compute(graph, HEAP, TaskMonitor.NONE);
      int node = random.nextInt(test.nodeCount());
      if (!tree.isReachable(node)) {
        continue;
      }
      String context = "seed " + seed + " node " + node + ": " + test;
      int dominator = tree.immediateDominator(node);
      // 1. Hoist the node to its dominator's dominator, sizes kept consistent.
      if (dominator != DominatorTree.ROOT) {
        DominatorTree hoisted =
            withDominator(graph, tree, node, tree.immediateDominator(dominator));
        assertThat(check(graph, hoisted)).as("hoisted, " + context).isNotEmpty();
        corrupted++;
      }
      // 2. Any other dominator that keeps the tree acyclic.
      int other = random.nextInt(test.nodeCount());
      if (other != dominator && tree.isReachable(other) && !tree.dominates(node, other)) {
        assertThat(check(graph, withDominator(graph, tree, node, other)))
            .as("moved under %d, %s", other, context)
            .isNotEmpty();
      }
      // 3. A wrong retained size.
      LongArray retained = copy(tree.retainedSizes());
      retained.set(node, retained.get(node) + 1);
      DominatorTree wrongSize =
          DominatorTree.of(
              tree.immediateDominators(), retained, tree.stronglyReachableBits(), tree.weakRootBits());
      assertThat(check(graph, wrongSize)).as("retained, " + context).isNotEmpty();
      // 4. A cycle of dominator pointers.
      if (dominator != DominatorTree.ROOT) {
        IntArray cyclic = BigArrays.wrap(new int[test.nodeCount()]);
        for (int index = 0; index < test.nodeCount(); index++) {
          cyclic.set(index, tree.immediateDominator(index));
        }
        cyclic.set(dominator, node);
        DominatorTree cycle =
            DominatorTree.of(
                cyclic, tree.retainedSizes(), tree.stronglyReachableBits(), tree.weakRootBits());
        assertThat(check(graph, cycle)).as("cycle, " + context).isNotEmpty();
      }
    }
    assertThat(corrupted).isGreaterThan(100);
  }

  @Test
  void wrongReachabilityFlagIsCaught() {
    TestGraph test = TestGraph.builder(3).weak(0, 1).strong(0, 2).roots(0).build();
    ObjectGraph graph = test.objectGraph();
    DominatorTree tree = DominatorTree.compute(graph, HEAP, TaskMonitor.NONE);
    LongArray strong = copy(tree.stronglyReachableBits());
    strong.set(0, strong.get(0) | 0b10); // claim 1 is strongly reachable
    DominatorTree wrong =
        DominatorTree.of(tree.immediateDominators(), tree.retainedSizes(), strong, tree.weakRootBits());
    assertThat(check(graph, wrong))
        .anySatisfy(message -> assertThat(message).contains("object 1 is not strongly reachable"));
  }
}
