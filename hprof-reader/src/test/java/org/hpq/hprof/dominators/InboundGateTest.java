package org.hpq.hprof.dominators;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowable;

import java.util.Random;
import org.hpq.hprof.graph.Csr;
import org.hpq.hprof.store.BigArrays;
import org.hpq.hprof.store.IntArray;
import org.hpq.hprof.store.LongArray;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * An index build computes the dominator tree while other threads still write the inbound edges;
 * the builder must not read them before its {@code inboundReady} step has run. Here the inbound
 * arrays stay empty until that step fills them: a builder that read them earlier would see no
 * predecessors and get other dominators.
 */
class InboundGateTest {
  @ParameterizedTest
  @ValueSource(longs = {1, 2, 3, 4, 5, 6, 7, 8})
  void theInboundEdgesAreReadOnlyAfterTheGate(long seed) {
    TestGraph graph = RandomGraphs.generate(new Random(seed), 400);
    ObjectGraph complete = graph.objectGraph();
    Csr inbound = complete.inbound();
    int nodeCount = complete.nodeCount();
    long edges = inbound.edgeCount();
    LongArray offsets = BigArrays.onHeap().newLongArray(nodeCount + 1L);
    IntArray neighbours = BigArrays.onHeap().newIntArray(Math.max(1, edges));
    LongArray weak = BigArrays.onHeap().newLongArray(Math.max(1, (edges + 63) >>> 6));
    ObjectGraph gated =
        ObjectGraph.withInboundPending(
            complete.outbound(), new Csr(offsets, neighbours, weak), roots(complete), complete.shallowSizes());
    boolean[] opened = new boolean[1];
    DominatorTree tree =
        DominatorTree.compute(gated, BigArrays.onHeap(), ResultArrays.of(BigArrays.onHeap()), TaskMonitor.NONE, () -> {
          offsets.copyFrom(inbound.offsets(), 0, 0, nodeCount + 1L);
          neighbours.copyFrom(inbound.neighbours(), 0, 0, edges);
          for (long word = 0; word < (edges + 63) >>> 6; word++) {
            for (int bit = 0; bit < 64 && (word << 6) + bit < edges; bit++) {
              if (inbound.isWeak((word << 6) + bit)) {
                weak.set(word, weak.get(word) | (1L << bit));
              }
            }
          }
          opened[0] = true;
        });
    DominatorTree expected = DominatorTree.compute(complete, BigArrays.onHeap(), TaskMonitor.NONE);
    assertThat(opened[0]).isTrue();
    for (int node = 0; node < nodeCount; node++) {
      assertThat(tree.immediateDominator(node)).as("seed %d, node %d", seed, node)
          .isEqualTo(expected.immediateDominator(node));
      assertThat(tree.retainedSize(node)).as("seed %d, node %d", seed, node).isEqualTo(expected.retainedSize(node));
    }
  }

  @ParameterizedTest
  @ValueSource(longs = {1, 2})
  void whatTheGateThrowsStopsTheComputation(long seed) {
    ObjectGraph graph = RandomGraphs.generate(new Random(seed), 200).objectGraph();
    IllegalStateException failure = new IllegalStateException("the inversion failed");
    Throwable thrown =
        catchThrowable(() -> DominatorTree.compute(graph, BigArrays.onHeap(), ResultArrays.of(BigArrays.onHeap()),
            TaskMonitor.NONE, () -> {
              throw failure;
            }));
    assertThat(thrown).isSameAs(failure);
  }

  private static int[] roots(ObjectGraph graph) {
    int[] roots = new int[graph.rootCount()];
    for (int index = 0; index < roots.length; index++) {
      roots[index] = graph.root(index);
    }
    return roots;
  }
}
