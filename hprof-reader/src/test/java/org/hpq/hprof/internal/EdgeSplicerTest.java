package org.hpq.hprof.internal;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Random;
import org.hpq.hprof.store.BigArrays;
import org.hpq.hprof.store.IntArray;
import org.hpq.hprof.store.LongArray;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/** Inserting implied edges into a CSR in place keeps every list, label and weak bit. */
class EdgeSplicerTest {
  private static final BigArrays HEAP = BigArrays.onHeap();

  /** One edge as the test compares it. */
  private record Edge(int source, int target, int label, boolean weak) {}

  /**
   * Narrow, the labels are stored as {@link OutLabels} says, with some slots after long runs and
   * some texts far down the table kept aside; the codes read back in order must be the same.
   */
  @ParameterizedTest
  @ValueSource(booleans = {false, true})
  void insertsAtTheEndOfEachSourceListAndMovesTheRest(boolean narrow) {
    for (long seed = 1; seed <= 200; seed++) {
      Random random = new Random(seed);
      int nodes = 1 + random.nextInt(40);
      List<Edge> edges = new ArrayList<>();
      for (int u = 0; u < nodes; u++) {
        int slot = -1;
        for (int k = random.nextInt(4); k > 0; k--) {
          int label = switch (random.nextInt(5)) {
            case 0 -> slot += 1 + random.nextInt(3);
            case 1 -> slot += 1 + random.nextInt(100_000);
            case 2 -> -40_000 - random.nextInt(5);
            default -> -1 - random.nextInt(5);
          };
          edges.add(new Edge(u, random.nextInt(nodes), label, random.nextInt(3) == 0));
        }
      }
      List<ImpliedEdge> extra = new ArrayList<>();
      for (int k = random.nextInt(6); k > 0; k--) {
        int label = random.nextBoolean() ? -100 - random.nextInt(3) : -50_000 - random.nextInt(3);
        extra.add(new ImpliedEdge(random.nextInt(nodes), random.nextInt(nodes), label));
      }
      extra.sort(Comparator.comparingInt(ImpliedEdge::source));
      int room = edges.size() + extra.size() + random.nextInt(3);
      LongArray offsets = HEAP.newLongArray(nodes + 1L);
      IntArray targets = HEAP.newIntArray(Math.max(1, room));
      IntArray labels = HEAP.newIntArray(Math.max(1, room));
      LongArray weak = HEAP.newLongArray((room + 63) / 64 + 1);
      // Stale weak bits past the end must not leak into moved or inserted edges.
      for (long w = 0; w < weak.size(); w++) {
        weak.set(w, random.nextLong());
      }
      OutLabels.Encoder encoder = new OutLabels.Encoder(narrow);
      int position = 0;
      for (int u = 0; u < nodes; u++) {
        offsets.set(u, position);
        encoder.startSource();
        for (Edge edge : edges) {
          if (edge.source() == u) {
            targets.set(position, edge.target());
            labels.set(position, encoder.encode(position, edge.label()));
            long word = weak.get(position >>> 6);
            long mask = 1L << (position & 63);
            weak.set(position >>> 6, edge.weak() ? word | mask : word & ~mask);
            position++;
          }
        }
      }
      offsets.set(nodes, position);

      OutLabels outLabels = encoder.labels(labels);
      long total = EdgeSplicer.insert(nodes, offsets, targets, outLabels, weak, extra);

      List<Edge> expected = new ArrayList<>();
      for (int u = 0; u < nodes; u++) {
        for (Edge edge : edges) {
          if (edge.source() == u) {
            expected.add(edge);
          }
        }
        for (ImpliedEdge edge : extra) {
          if (edge.source() == u) {
            expected.add(new Edge(u, edge.target(), edge.label(), false));
          }
        }
      }
      List<Edge> actual = new ArrayList<>();
      OutLabels.Decoder decoder = outLabels.decoder();
      for (int u = 0; u < nodes; u++) {
        decoder.startSource();
        for (long p = offsets.get(u); p < offsets.get(u + 1L); p++) {
          if (narrow) {
            assertThat(labels.get(p)).as("seed %d: stored in 2 bytes", seed).isEqualTo((int) (short) labels.get(p));
          }
          int label = decoder.decode(p, labels.get(p));
          assertThat(outLabels.text(p)).as("seed %d, position %d", seed, p).isEqualTo(Math.min(label, 0));
          actual.add(new Edge(u, targets.get(p), label, (weak.get(p >>> 6) & (1L << (p & 63))) != 0));
        }
      }
      assertThat(total).as("seed %d", seed).isEqualTo(edges.size() + extra.size());
      assertThat(offsets.get(nodes)).as("seed %d", seed).isEqualTo(total);
      assertThat(actual).as("seed %d", seed).containsExactlyElementsOf(expected);
    }
  }

  @Test
  void refusesWhenTheArraysAreFull() {
    LongArray offsets = HEAP.newLongArray(3);
    offsets.set(1, 1);
    offsets.set(2, 1);
    IntArray targets = HEAP.newIntArray(1);
    IntArray labels = HEAP.newIntArray(1);
    LongArray weak = HEAP.newLongArray(1);
    assertThatThrownBy(() -> EdgeSplicer.insert(2, offsets, targets, OutLabels.wide(labels), weak, List.of(new ImpliedEdge(1, 0, -1))))
        .isInstanceOf(IllegalStateException.class).hasMessageContaining("no room for 1 more edges");
  }
}
