package org.hpq.hprof.dominators;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.util.concurrent.CancellationException;
import org.hpq.hprof.graph.Csr;
import org.hpq.hprof.store.BigArrays;
import org.hpq.hprof.store.LongArray;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Graphs deeper than any recursion could go, with arrays large enough to be memory-mapped. */
class DeepGraphTest {
  private static final int NODES = 1_200_000; // above BigArrays.HEAP_LIMIT: scratch gets mapped
  private static final int MIDDLE = NODES / 2;

  //  R -> 0 -> 1 -> 2 -> ... -> MIDDLE -> ... -> NODES-1
  //       |                    ^                    |
  //       +--------------------+    1 <-------------+   (back edge: a path compression of
  //                                                       a million nodes in one evaluation)
  private static ObjectGraph chain(BigArrays arrays) {
    int edges = NODES - 1 + 2;
    int[] sources = new int[edges];
    int[] targets = new int[edges];
    for (int node = 0; node + 1 < NODES; node++) {
      sources[node] = node;
      targets[node] = node + 1;
    }
    sources[NODES - 1] = NODES - 1;
    targets[NODES - 1] = 1;
    sources[NODES] = 0;
    targets[NODES] = MIDDLE;
    Csr outbound = Csr.fromEdges(NODES, sources, targets, null);
    LongArray shallow = arrays.newLongArray(NODES);
    for (int node = 0; node < NODES; node++) {
      shallow.set(node, 16);
    }
    return ObjectGraph.of(outbound, new int[] {0}, shallow, arrays);
  }

  @Test
  void millionDeepChainWithMappedScratch(@TempDir Path scratchDirectory) {
    BigArrays arrays = BigArrays.scratchIn(scratchDirectory);
    ObjectGraph graph = chain(arrays);
    DominatorTree tree = DominatorTree.compute(graph, arrays, TaskMonitor.NONE);
    for (int node = 0; node < NODES; node++) {
      int expected = node == 0 ? DominatorTree.ROOT : node == MIDDLE ? 0 : node - 1;
      if (tree.immediateDominator(node) != expected) {
        assertThat(tree.immediateDominator(node)).as("idom(%d)", node).isEqualTo(expected);
      }
    }
    assertThat(tree.retainedSize(0)).isEqualTo(16L * NODES);
    assertThat(tree.retainedSize(MIDDLE - 1)).isEqualTo(16);
    assertThat(tree.retainedSize(MIDDLE)).isEqualTo(16L * (NODES - MIDDLE));
    assertThat(DominatorCertificate.check(graph, tree, arrays, 10, TaskMonitor.NONE)).isEmpty();
    // Two tops, so a walk of the whole mapped graph: the shortcut keeps the rest alive.
    assertThat(
            Dominos.domisize(graph, tree, new int[] {MIDDLE - 1, NODES - 1}, arrays, TaskMonitor.NONE))
        .isEqualTo(16L * 2);
    assertThat(Dominos.domisize(graph, tree, new int[] {MIDDLE - 1, 5}, arrays, TaskMonitor.NONE))
        .isEqualTo(16L * (MIDDLE - 5));
  }

  @Test
  void computeCanBeCancelled() {
    BigArrays arrays = BigArrays.onHeap();
    ObjectGraph graph = chain(arrays);
    int[] calls = {0};
    TaskMonitor monitor = TaskMonitor.of(() -> ++calls[0] > 3, (phase, done, total) -> {});
    org.assertj.core.api.Assertions.assertThatThrownBy(
            () -> DominatorTree.compute(graph, arrays, monitor))
        .isInstanceOf(CancellationException.class);
  }
}
