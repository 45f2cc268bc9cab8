package org.hpq.hprof.internal;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import org.hpq.hprof.store.BigArrays;
import org.hpq.hprof.store.IntArray;
import org.hpq.hprof.store.LongArray;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;

class TransposerTest {

  /** Label of the implicit edges. */
  private static final int IMPLICIT_LABEL = -7;

  /**
   * One outbound graph: CSR arrays, and per node the implicit last edge's target (an object's
   * class), negative for none.
   */
  private record Graph(int nodes, long[] outOffsets, int[] targets, int[] labels, long[] weak, int[] implicit) {
    long storedEdges() {
      return outOffsets[nodes];
    }

    long edges() {
      return storedEdges() + java.util.Arrays.stream(implicit).filter(v -> v >= 0).count();
    }
  }

  private static Graph random(long seed) {
    Random random = new Random(seed);
    int nodes = random.nextInt(4) == 0 ? random.nextInt(3) : 1 + random.nextInt(3000);
    long[] offsets = new long[nodes + 1];
    List<Integer> targets = new ArrayList<>();
    boolean skewed = random.nextBoolean();
    for (int u = 0; u < nodes; u++) {
      int degree = random.nextInt(10) == 0 ? random.nextInt(200) : random.nextInt(4);
      for (int k = 0; k < degree; k++) {
        targets.add(skewed && random.nextBoolean() ? random.nextInt(Math.min(nodes, 3)) : random.nextInt(nodes));
      }
      offsets[u + 1] = targets.size();
    }
    int edges = targets.size();
    int[] labels = new int[edges];
    long[] weak = new long[(edges + 63) >>> 6];
    for (int u = 0; u < nodes; u++) {
      // Some lists like an array's (slots going up, now and then after a long run), the others
      // slots [0] to [699] and text codes, a few far down the table.
      boolean array = random.nextInt(3) == 0;
      int slot = -1;
      for (int p = (int) offsets[u]; p < offsets[u + 1]; p++) {
        if (array) {
          labels[p] = slot += 1 + (random.nextInt(8) == 0 ? random.nextInt(100_000) : random.nextInt(3));
        } else {
          labels[p] = random.nextInt(50) == 0 ? -40_000 - random.nextInt(3) : random.nextInt(1000) - 300;
        }
      }
    }
    for (int p = 0; p < edges; p++) {
      if (random.nextInt(5) == 0) {
        weak[p >>> 6] |= 1L << p;
      }
    }
    // Implicit edges into a few "classes" (also targets of stored edges), into the node itself,
    // or none; in some graphs none at all.
    boolean noImplicit = random.nextInt(5) == 0;
    int[] implicit = new int[nodes];
    for (int u = 0; u < nodes; u++) {
      int choice = random.nextInt(10);
      implicit[u] = noImplicit || choice == 0 ? -1 : choice == 1 ? u : random.nextInt(Math.min(nodes, 5));
    }
    return new Graph(nodes, offsets, targets.stream().mapToInt(Integer::intValue).toArray(), labels, weak, implicit);
  }

  /** The inbound lists as text, one line a node: "source:label:weak" in placing order. */
  private static String expected(Graph graph) {
    StringBuilder text = new StringBuilder();
    for (int v = 0; v < graph.nodes(); v++) {
      text.append(v).append(" <-");
      for (int u = 0; u < graph.nodes(); u++) {
        for (long p = graph.outOffsets()[u]; p < graph.outOffsets()[u + 1]; p++) {
          if (graph.targets()[(int) p] == v) {
            boolean weak = (graph.weak()[(int) (p >>> 6)] & (1L << p)) != 0;
            text.append(' ').append(u).append(':').append(graph.labels()[(int) p]).append(weak ? ":w" : "");
          }
        }
        if (graph.implicit()[u] == v) {
          text.append(' ').append(u).append(':').append(IMPLICIT_LABEL);
        }
      }
      text.append('\n');
    }
    return text.toString();
  }

  private static String inverted(Graph graph, boolean twoThreads, boolean narrow, long warm) {
    int n = graph.nodes();
    long edges = graph.edges();
    LongArray inOffsets = BigArrays.wrap(new long[n + 1]);
    IntArray sources = BigArrays.wrap(new int[(int) edges]);
    IntArray labels = BigArrays.wrap(new int[(int) edges]);
    LongArray weak = BigArrays.wrap(new long[(int) ((edges + 63) >>> 6)]);
    LongArray outOffsets = BigArrays.wrap(graph.outOffsets().clone());
    IntArray outTargets = BigArrays.wrap(graph.targets().clone());
    IntArray implicit = BigArrays.wrap(graph.implicit().clone());
    Transposer.ImplicitEdges counted = Transposer.countInbound(n, outOffsets, outTargets, implicit, inOffsets, twoThreads);
    assertThat(counted.count()).isEqualTo(edges - graph.storedEdges());
    assertThat(counted.targets())
        .containsExactly(java.util.Arrays.stream(graph.implicit()).filter(v -> v >= 0).sorted().distinct().toArray());
    for (int v = 0; v < n; v++) {
      long degree = 0;
      for (int target : graph.targets()) {
        degree += target == v ? 1 : 0;
      }
      for (int target : graph.implicit()) {
        degree += target == v ? 1 : 0;
      }
      assertThat(inOffsets.get(v + 1L)).as("in-degree of %d", v).isEqualTo(degree);
    }
    // What the reference pass parks below the warm prefix is left there: the placing must not rely on it.
    Random parked = new Random(warm);
    for (long q = 0; q < Math.min(warm, edges); q++) {
      labels.set(q, parked.nextInt());
    }
    // The labels stored as the reference pass stores them, narrow or not.
    int[] stored = new int[graph.labels().length];
    OutLabels.Encoder encoder = new OutLabels.Encoder(narrow);
    for (int u = 0; u < n; u++) {
      encoder.startSource();
      for (int p = (int) graph.outOffsets()[u]; p < graph.outOffsets()[u + 1]; p++) {
        stored[p] = encoder.encode(p, graph.labels()[p]);
        assertThat(!narrow || stored[p] == (short) stored[p]).as("position %d stored in 2 bytes", p).isTrue();
      }
    }
    assertThat(encoder.escapeCount() > 0).as("codes kept aside").isEqualTo(narrow && stored.length > 200);
    Transposer.placeCounted(n, outOffsets, outTargets, encoder.labels(BigArrays.wrap(stored)),
        BigArrays.wrap(graph.weak().clone()), implicit, inOffsets, sources, labels, weak, warm, twoThreads);
    assertThat(inOffsets.get(0)).isZero();
    if (n > 0) {
      assertThat(inOffsets.get(n)).isEqualTo(edges);
    }
    StringBuilder text = new StringBuilder();
    for (int v = 0; v < n; v++) {
      text.append(v).append(" <-");
      for (long q = inOffsets.get(v); q < inOffsets.get(v + 1L); q++) {
        boolean isWeak = (weak.get(q >>> 6) & (1L << q)) != 0;
        text.append(' ').append(sources.get(q)).append(':').append(InboundLabelCodes.code(labels.get(q), IMPLICIT_LABEL))
            .append(isWeak ? ":w" : "");
      }
      text.append('\n');
    }
    return text.toString();
  }

  @ParameterizedTest
  @CsvSource({"false,false", "true,false", "false,true", "true,true"})
  void invertsRandomGraphsExactly(boolean twoThreads, boolean narrow) {
    for (long seed = 1; seed <= 60; seed++) {
      Graph graph = random(seed);
      long warm = seed % 3 == 0 ? 0 : new Random(seed).nextInt(graph.targets().length + 1);
      assertThat(inverted(graph, twoThreads, narrow, warm))
          .as("seed %d, two threads %s, narrow %s, warm %d", seed, twoThreads, narrow, warm)
          .isEqualTo(expected(graph));
    }
  }

  @Test
  void storedLabelCodesGiveBackEveryCodeAndZeroIsTheImplicitOne() {
    for (int code : new int[] {0, 1, 2, 1000, Integer.MAX_VALUE - 1, -1, -2, IMPLICIT_LABEL, Integer.MIN_VALUE}) {
      assertThat(InboundLabelCodes.stored(code)).as("code %d", code).isNotZero();
      assertThat(InboundLabelCodes.code(InboundLabelCodes.stored(code), IMPLICIT_LABEL)).isEqualTo(code);
    }
    assertThat(InboundLabelCodes.code(InboundLabelCodes.stored(Integer.MAX_VALUE), IMPLICIT_LABEL))
        .as("the capped slot").isEqualTo(Integer.MAX_VALUE - 1);
    assertThat(InboundLabelCodes.code(0, IMPLICIT_LABEL)).isEqualTo(IMPLICIT_LABEL);
  }

  @Test
  void theSplitCountsPositionsNotYetInMemoryTwice() {
    assertThat(Transposer.balancedSplit(100, 0)).isEqualTo(50);
    assertThat(Transposer.balancedSplit(100, 100)).isEqualTo(50);
    assertThat(Transposer.balancedSplit(100, 40)).as("40 + 2 * 20 = 80 on each side").isEqualTo(60);
    assertThat(Transposer.balancedSplit(100, 80)).as("60 warm against 20 warm and 20 cold").isEqualTo(60);
    assertThat(Transposer.balancedSplit(100, 500)).isEqualTo(50);
    assertThat(Transposer.balancedSplit(0, 0)).isZero();
  }
}
