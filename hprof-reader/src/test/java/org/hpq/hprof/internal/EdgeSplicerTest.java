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

/** Inserting implied edges into a CSR in place keeps every list, label and weak bit. */
class EdgeSplicerTest {
  private static final BigArrays HEAP = BigArrays.onHeap();

  /** One edge as the test compares it. */
  private record Edge(int source, int target, int label, boolean weak) {}

  @Test
  void insertsAtTheEndOfEachSourceListAndMovesTheRest() {
    for (long seed = 1; seed <= 200; seed++) {
      Random random = new Random(seed);
      int nodes = 1 + random.nextInt(40);
      List<Edge> edges = new ArrayList<>();
      for (int u = 0; u < nodes; u++) {
        for (int k = random.nextInt(4); k > 0; k--) {
          edges.add(new Edge(u, random.nextInt(nodes), -1 - random.nextInt(5), random.nextInt(3) == 0));
        }
      }
      List<ImpliedEdge> extra = new ArrayList<>();
      for (int k = random.nextInt(6); k > 0; k--) {
        extra.add(new ImpliedEdge(random.nextInt(nodes), random.nextInt(nodes), -100 - random.nextInt(3)));
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
      int position = 0;
      for (int u = 0; u < nodes; u++) {
        offsets.set(u, position);
        for (Edge edge : edges) {
          if (edge.source() == u) {
            targets.set(position, edge.target());
            labels.set(position, edge.label());
            long word = weak.get(position >>> 6);
            long mask = 1L << (position & 63);
            weak.set(position >>> 6, edge.weak() ? word | mask : word & ~mask);
            position++;
          }
        }
      }
      offsets.set(nodes, position);

      long total = EdgeSplicer.insert(nodes, offsets, targets, labels, weak, extra);

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
      for (int u = 0; u < nodes; u++) {
        for (long p = offsets.get(u); p < offsets.get(u + 1L); p++) {
          actual.add(new Edge(u, targets.get(p), labels.get(p), (weak.get(p >>> 6) & (1L << (p & 63))) != 0));
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
    assertThatThrownBy(() -> EdgeSplicer.insert(2, offsets, targets, labels, weak, List.of(new ImpliedEdge(1, 0, -1))))
        .isInstanceOf(IllegalStateException.class).hasMessageContaining("no room for 1 more edges");
  }
}
