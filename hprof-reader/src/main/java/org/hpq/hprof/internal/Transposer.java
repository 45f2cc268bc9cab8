package org.hpq.hprof.internal;

import java.util.Arrays;
import java.util.BitSet;
import java.util.stream.IntStream;
import org.hpq.hprof.concurrent.TwoThreads;
import org.hpq.hprof.store.IntArray;
import org.hpq.hprof.store.LongArray;

/**
 * Builds the inbound edge lists from the outbound ones, carrying each edge's label and weakness:
 * a counting pass, a prefix sum and a placing pass, all over primitive arrays. The counting pass
 * is separate so that the build can look at in-degrees (which objects have no referrer) before
 * the inbound lists exist.
 *
 * <p>Besides its stored edges, every node {@code u} may have one implicit last edge, to {@code
 * implicit[u]} when that is not negative (an object's edge to its class, see {@link
 * org.hpq.hprof.graph.Csr#withImplicitEdges}): never weak, all with one label. The inbound lists
 * hold these like any other edge, but their labels are not written: the inbound labels are
 * stored as {@link InboundLabelCodes} says, where 0 (a page never written) is the implicit label.
 *
 * <p>Large graphs are inverted by two threads, each owning half of the targets: both stream all
 * outbound edges (sequential reads, cheap) and each counts or places only the edges into its own
 * half, so the costly random writes are shared without locks. Each thread's inbound lists are a
 * contiguous range of the inbound arrays; only the one weak-bit word the two ranges may share is
 * merged after both finish.
 */
final class Transposer {
  /** Graphs with at least this many nodes are inverted by two threads. */
  static final int PARALLEL_NODES = 1 << 20;
  /** Edges read at a time by the streaming passes; a multiple of 64 (one weak word). */
  private static final int CHUNK = 1 << 14;

  private Transposer() {}

  /**
   * Counts the inbound edges of every node into {@code inOffsets[v + 1]} ({@code inOffsets} must
   * be zero): afterwards {@code inOffsets.get(v + 1)} is the in-degree of {@code v}. By two
   * threads when {@code twoThreads}.
   *
   * @return the implicit edges' count and targets
   */
  static ImplicitEdges countInbound(
      int nodeCount, LongArray outOffsets, IntArray outTargets, IntArray implicit, LongArray inOffsets,
      boolean twoThreads) {
    long edges = outOffsets.get(nodeCount);
    if (!twoThreads) {
      return countRange(0, nodeCount, nodeCount, edges, outTargets, implicit, inOffsets);
    }
    int middle = nodeCount / 2;
    ImplicitEdges[] halves = new ImplicitEdges[2];
    TwoThreads.run("hpq-transposer",
        () -> halves[0] = countRange(0, middle, nodeCount, edges, outTargets, implicit, inOffsets),
        () -> halves[1] = countRange(middle, nodeCount, nodeCount, edges, outTargets, implicit, inOffsets));
    return new ImplicitEdges(
        halves[0].count() + halves[1].count(),
        IntStream.concat(Arrays.stream(halves[0].targets()), Arrays.stream(halves[1].targets())).toArray());
  }

  /** How many implicit edges a graph has, and the distinct nodes they lead to, ascending. */
  record ImplicitEdges(long count, int[] targets) {}

  /** Counts the edges into [from, to); returns the implicit edges into it. */
  private static ImplicitEdges countRange(
      int from, int to, int nodeCount, long edges, IntArray outTargets, IntArray implicit, LongArray inOffsets) {
    int[] targets = new int[CHUNK];
    for (long base = 0; base < edges; base += CHUNK) {
      int length = (int) Math.min(CHUNK, edges - base);
      outTargets.get(base, targets, 0, length);
      for (int i = 0; i < length; i++) {
        int v = targets[i];
        if (v >= from && v < to) {
          inOffsets.set(v + 1L, inOffsets.get(v + 1L) + 1);
        }
      }
    }
    BitSet found = new BitSet();
    long count = 0;
    for (int base = 0; base < nodeCount; base += CHUNK) {
      int length = Math.min(CHUNK, nodeCount - base);
      implicit.get(base, targets, 0, length);
      for (int i = 0; i < length; i++) {
        int v = targets[i];
        if (v >= from && v < to) {
          inOffsets.set(v + 1L, inOffsets.get(v + 1L) + 1);
          found.set(v);
          count++;
        }
      }
    }
    return new ImplicitEdges(count, found.stream().toArray());
  }

  /**
   * The prefix sum and placing pass, given the in-degrees that {@link #countInbound} left; by two
   * threads when {@code twoThreads}. {@code inLabels} must hold zeros from position {@code
   * warmPrefix} on: labels are stored as {@link InboundLabelCodes} says, and an implicit edge's is
   * written only below {@code warmPrefix}. The first {@code warmPrefix} positions of the inbound
   * arrays are taken to be in memory already (the reference pass parked edges there): the two
   * threads' halves are cut so that a position not yet in memory counts twice, as its first touch
   * costs about as much as the placing itself on the machines hpq is measured on.
   */
  static void placeCounted(
      int nodeCount,
      LongArray outOffsets,
      IntArray outTargets,
      OutLabels outLabels,
      LongArray outWeak,
      IntArray implicit,
      LongArray inOffsets,
      IntArray inSources,
      IntArray inLabels,
      LongArray inWeak,
      long warmPrefix,
      boolean twoThreads) {
    // inOffsets[v + 1] becomes the start of v's list, the fill cursor of v; after placing, it
    // has moved to the end of v's list, which is the start of v + 1's: the final offsets.
    long[] counts = new long[CHUNK];
    long running = 0;
    for (long first = 1; first <= nodeCount; first += CHUNK) {
      int length = (int) Math.min(CHUNK, nodeCount + 1L - first);
      inOffsets.get(first, counts, 0, length);
      for (int i = 0; i < length; i++) {
        long count = counts[i];
        counts[i] = running;
        running += count;
      }
      inOffsets.set(first, counts, 0, length);
    }
    inOffsets.set(0, 0);
    Edges out = new Edges(nodeCount, outOffsets, outTargets, outLabels, outWeak, implicit);
    In in = new In(inOffsets, inSources, inLabels, inWeak, warmPrefix);
    if (!twoThreads) {
      place(0, nodeCount, -1, out, in);
      return;
    }
    int middle = middle(nodeCount, inOffsets, balancedSplit(running, warmPrefix));
    long split = inOffsets.get(middle + 1L);
    long sharedWord = (split & 63) == 0 ? -1 : split >>> 6;
    long[] shared = new long[2];
    TwoThreads.run("hpq-transposer", () -> shared[0] = place(0, middle, sharedWord, out, in),
        () -> shared[1] = place(middle, nodeCount, sharedWord, out, in));
    if (sharedWord >= 0 && (shared[0] | shared[1]) != 0) {
      inWeak.set(sharedWord, inWeak.get(sharedWord) | shared[0] | shared[1]);
    }
  }

  /**
   * The position that halves the placing work of {@code edges} positions when the first {@code
   * warm} cost 1 each and the rest 2: the cost up to q is q, or 2q - warm past the warm part.
   */
  static long balancedSplit(long edges, long warm) {
    long warmPart = Math.min(Math.max(warm, 0), edges);
    long half = (edges + (edges - warmPart)) / 2;
    return half <= warmPart ? half : (half + warmPart) / 2;
  }

  /** The first node whose inbound list starts at or after {@code half} (cursor offsets). */
  private static int middle(int nodeCount, LongArray inOffsets, long half) {
    int low = 0;
    int high = nodeCount;
    while (low < high) {
      int mid = (low + high) >>> 1;
      if (inOffsets.get(mid + 1L) < half) {
        low = mid + 1;
      } else {
        high = mid;
      }
    }
    return low;
  }

  /** The outbound side, read as a stream. */
  private record Edges(
      int nodeCount, LongArray offsets, IntArray targets, OutLabels labels, LongArray weak, IntArray implicit) {}

  /** The inbound side, written at the cursors; labels below {@code warmPrefix} may hold anything. */
  private record In(LongArray offsets, IntArray sources, IntArray labels, LongArray weak, long warmPrefix) {}

  /**
   * Places every edge whose target lies in [{@code from}, {@code to}); returns the weak bits of
   * word {@code sharedWord} (not written, as the other thread may own part of it). A node's
   * implicit edge is placed after its stored ones.
   */
  private static long place(int from, int to, long sharedWord, Edges out, In in) {
    int nodeCount = out.nodeCount();
    long edges = out.offsets().get(nodeCount);
    int[] targets = new int[CHUNK];
    int[] labels = new int[CHUNK];
    long[] weak = new long[CHUNK / 64];
    Implicit implicit = new Implicit(out, in, from, to);
    // Every edge's label is decoded, placed here or not: a slot is stored relative to the source's
    // previous one.
    OutLabels.Decoder decoder = out.labels().decoder();
    long shared = 0;
    int u = 0;
    long sourceEnd = nodeCount == 0 ? 0 : out.offsets().get(1);
    for (long base = 0; base < edges; base += CHUNK) {
      int length = (int) Math.min(CHUNK, edges - base);
      out.targets().get(base, targets, 0, length);
      out.labels().stored().get(base, labels, 0, length);
      out.weak().get(base >>> 6, weak, 0, (length + 63) >>> 6);
      for (int i = 0; i < length; i++) {
        long p = base + i;
        while (p >= sourceEnd) {
          implicit.place(u);
          u++;
          sourceEnd = out.offsets().get(u + 1L);
          decoder.startSource();
        }
        int label = decoder.decode(p, labels[i]);
        int v = targets[i];
        if (v < from || v >= to) {
          continue;
        }
        long q = in.offsets().get(v + 1L);
        in.offsets().set(v + 1L, q + 1);
        in.sources().set(q, u);
        in.labels().set(q, InboundLabelCodes.stored(label));
        if ((weak[i >>> 6] & (1L << i)) != 0) {
          if (q >>> 6 == sharedWord) {
            shared |= 1L << q;
          } else {
            in.weak().set(q >>> 6, in.weak().get(q >>> 6) | (1L << q));
          }
        }
      }
    }
    for (; u < nodeCount; u++) {
      implicit.place(u);
    }
    return shared;
  }

  /** Places the implicit edges into [from, to), node after node, reading them a chunk at a time. */
  private static final class Implicit {
    private final Edges out;
    private final In in;
    private final int from;
    private final int to;
    private final int[] targets = new int[CHUNK];
    private int first = -CHUNK;

    Implicit(Edges out, In in, int from, int to) {
      this.out = out;
      this.in = in;
      this.from = from;
      this.to = to;
    }

    /** Places the implicit edge of {@code u} (the node after the last one placed, or 0). */
    void place(int u) {
      if (u - first >= CHUNK) {
        first = u;
        out.implicit().get(u, targets, 0, Math.min(CHUNK, out.nodeCount() - u));
      }
      int v = targets[u - first];
      if (v >= from && v < to) {
        long q = in.offsets().get(v + 1L);
        in.offsets().set(v + 1L, q + 1);
        in.sources().set(q, u);
        // The label is 0, what a page never written holds; only the parked edges' part may hold
        // other values.
        if (q < in.warmPrefix()) {
          in.labels().set(q, 0);
        }
      }
    }
  }
}
