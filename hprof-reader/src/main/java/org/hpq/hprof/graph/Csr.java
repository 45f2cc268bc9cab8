package org.hpq.hprof.graph;

import org.hpq.hprof.store.BigArrays;
import org.hpq.hprof.store.IntArray;
import org.hpq.hprof.store.LongArray;

/**
 * Adjacency lists in compressed sparse row form: the edges of node {@code n} occupy positions
 * {@code start(n)} (inclusive) to {@code end(n)} (exclusive), each with a neighbour and a flag
 * saying whether the edge is weak (a {@code java.lang.ref.Reference.referent}, which does not
 * keep its target alive). Immutable once built; safe for concurrent reads.
 */
public final class Csr {
  private final int nodeCount;
  private final LongArray offsets;
  private final IntArray neighbours;
  private final LongArray weakBits;

  /**
   * @param offsets {@code nodeCount + 1} ascending edge positions
   * @param neighbours one node index per edge position
   * @param weakBits one bit per edge position (bit {@code p & 63} of word {@code p >>> 6}), or
   *     null when no edge is weak
   */
  public Csr(LongArray offsets, IntArray neighbours, LongArray weakBits) {
    this.nodeCount = Math.toIntExact(offsets.size() - 1);
    this.offsets = offsets;
    this.neighbours = neighbours;
    this.weakBits = weakBits;
  }

  public int nodeCount() {
    return nodeCount;
  }

  public long edgeCount() {
    return offsets.get(nodeCount);
  }

  /** First edge position of {@code node}. */
  public long start(int node) {
    return offsets.get(node);
  }

  /** One past the last edge position of {@code node}. */
  public long end(int node) {
    return offsets.get(node + 1L);
  }

  /** The neighbour at edge position {@code position}. */
  public int neighbour(long position) {
    return neighbours.get(position);
  }

  /** Whether the edge at {@code position} is weak. */
  public boolean isWeak(long position) {
    return weakBits != null && (weakBits.get(position >>> 6) & (1L << (position & 63))) != 0;
  }

  public LongArray offsets() {
    return offsets;
  }

  public IntArray neighbours() {
    return neighbours;
  }

  /** The weak-edge bits, or null when no edge is weak. */
  public LongArray weakBits() {
    return weakBits;
  }

  /**
   * Builds the reverse graph: for every edge {@code u -> v} of this graph, an edge {@code v -> u}
   * with the same weakness. Edges of each node keep ascending source order. See {@link
   * EdgeTransposer}: sequential passes, no per-edge objects.
   */
  public Csr transpose(BigArrays arrays) {
    long edges = edgeCount();
    LongArray reverseOffsets = arrays.newLongArray(nodeCount + 1L);
    IntArray reverseNeighbours = arrays.newIntArray(edges);
    LongArray reverseWeak = weakBits == null ? null : arrays.newLongArray((edges + 63) >>> 6);
    EdgeTransposer.transpose(
        nodeCount, offsets, neighbours, null, weakBits, reverseOffsets, reverseNeighbours, null,
        reverseWeak, arrays);
    return new Csr(reverseOffsets, reverseNeighbours, reverseWeak);
  }

  /**
   * Builds a graph on the heap from parallel edge arrays (for tests and small graphs). Edges are
   * grouped by source in the order given.
   */
  public static Csr fromEdges(int nodeCount, int[] sources, int[] targets, boolean[] weak) {
    long[] offsets = new long[nodeCount + 1];
    for (int source : sources) {
      offsets[source + 1]++;
    }
    for (int n = 0; n < nodeCount; n++) {
      offsets[n + 1] += offsets[n];
    }
    long[] cursor = java.util.Arrays.copyOf(offsets, nodeCount);
    int[] neighbours = new int[sources.length];
    long[] bits = weak == null ? null : new long[(sources.length + 63) >>> 6];
    for (int i = 0; i < sources.length; i++) {
      int position = (int) cursor[sources[i]]++;
      neighbours[position] = targets[i];
      if (bits != null && weak[i]) {
        bits[position >>> 6] |= 1L << (position & 63);
      }
    }
    return new Csr(
        BigArrays.wrap(offsets), BigArrays.wrap(neighbours), bits == null ? null : BigArrays.wrap(bits));
  }
}
