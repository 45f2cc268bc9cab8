package org.hpq.hprof.graph;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import org.hpq.hprof.store.BigArrays;
import org.hpq.hprof.store.IntArray;
import org.hpq.hprof.store.LongArray;
import org.junit.jupiter.api.Test;

/** {@link EdgeTransposer} against a list-per-node transposition on seeded random graphs. */
class EdgeTransposerTest {

  @Test
  void matchesNaiveTranspositionWithLabelsAndWeakBits() {
    for (long seed = 0; seed < 12; seed++) {
      Random random = new Random(seed);
      // Some graphs span several blocks of target nodes, some have a hub with many referrers.
      int nodes = seed % 4 == 0 ? 140_000 + random.nextInt(10_000) : 1 + random.nextInt(300);
      int edges = random.nextInt(2 * nodes);
      int hub = random.nextInt(nodes);
      int[] sources = new int[edges];
      int[] targets = new int[edges];
      boolean[] weak = new boolean[edges];
      for (int edge = 0; edge < edges; edge++) {
        sources[edge] = random.nextInt(nodes);
        targets[edge] = random.nextInt(4) == 0 ? hub : random.nextInt(nodes);
        weak[edge] = random.nextInt(5) == 0;
      }
      Csr outbound = Csr.fromEdges(nodes, sources, targets, weak);
      int[] labels = new int[edges];
      for (int edge = 0; edge < edges; edge++) {
        labels[edge] = random.nextInt();
      }
      IntArray outLabels = BigArrays.wrap(labels);
      BigArrays arrays = BigArrays.onHeap();
      LongArray inOffsets = arrays.newLongArray(nodes + 1L);
      IntArray inSources = arrays.newIntArray(edges);
      IntArray inLabels = arrays.newIntArray(edges);
      LongArray inWeak = arrays.newLongArray((edges + 63L) >>> 6);
      EdgeTransposer.transpose(
          nodes, outbound.offsets(), outbound.neighbours(), outLabels, outbound.weakBits(),
          inOffsets, inSources, inLabels, inWeak, arrays);
      Csr inbound = new Csr(inOffsets, inSources, inWeak);

      List<List<long[]>> expected = new ArrayList<>();
      for (int node = 0; node < nodes; node++) {
        expected.add(new ArrayList<>());
      }
      for (int source = 0; source < nodes; source++) {
        for (long p = outbound.start(source); p < outbound.end(source); p++) {
          expected.get(outbound.neighbour(p)).add(
              new long[] {source, labels[(int) p], outbound.isWeak(p) ? 1 : 0});
        }
      }
      for (int node = 0; node < nodes; node++) {
        List<long[]> referrers = expected.get(node);
        if (inbound.end(node) - inbound.start(node) != referrers.size()) {
          assertThat(inbound.end(node) - inbound.start(node))
              .as("seed %d, in-degree of %d", seed, node)
              .isEqualTo(referrers.size());
        }
        for (int k = 0; k < referrers.size(); k++) {
          long p = inbound.start(node) + k;
          long[] edge = referrers.get(k);
          long[] actual = {inbound.neighbour(p), inLabels.get(p), inbound.isWeak(p) ? 1 : 0};
          if (!java.util.Arrays.equals(actual, edge)) {
            assertThat(actual).as("seed %d, referrer %d of %d", seed, k, node).containsExactly(edge);
          }
        }
      }
      Csr viaCsr = outbound.transpose(arrays);
      assertThat(viaCsr.edgeCount()).as("seed %d", seed).isEqualTo(edges);
      for (long p = 0; p < edges; p++) {
        if (viaCsr.neighbour(p) != inbound.neighbour(p) || viaCsr.isWeak(p) != inbound.isWeak(p)) {
          assertThat(viaCsr.neighbour(p)).as("seed %d, position %d", seed, p).isEqualTo(-1);
        }
      }
    }
  }
}
