package org.hpq.hprof.graph;

import org.hpq.hprof.store.BigArrays;
import org.hpq.hprof.store.IntArray;
import org.hpq.hprof.store.LongArray;

/**
 * Builds inbound edge lists from outbound ones (CSR to CSR), carrying an optional int label and
 * the weak bit of every edge, without a random memory access per edge.
 *
 * <p>A plain counting sort writes each edge to a random place of arrays far larger than any cache
 * (and increments a random counter before that), which costs a cache miss an edge. Here the edges
 * are first partitioned by target into blocks of {@value #BLOCK_NODES} nodes, written as
 * sequential streams, one per block, through small buffers; then each block is counted and placed
 * on its own, touching only that block's counters and its slice of the result, which fit in the
 * cache. Every pass reads and writes its big arrays sequentially, in bulk. Each node's sources
 * come out in ascending order.
 *
 * <p>Scratch: 8 bytes an edge (12 with labels) plus 4 bytes a block node, from the allocator,
 * closed before returning. Not thread-safe; the arrays must not change meanwhile.
 */
public final class EdgeTransposer {
  static final int BLOCK_SHIFT = 16;
  static final int BLOCK_NODES = 1 << BLOCK_SHIFT;
  private static final int CHUNK = 1 << 14;
  private static final int BUFFER = 256;

  private EdgeTransposer() {}

  /**
   * Writes the transpose of the {@code nodeCount}-node graph ({@code outOffsets}, {@code
   * outTargets}, {@code outLabels}, {@code outWeak}) into {@code inOffsets} ({@code nodeCount +
   * 1} longs), {@code inSources} (one int an edge), {@code inLabels} and {@code inWeak}.
   *
   * @param outLabels one label an edge, or null; then {@code inLabels} must be null too
   * @param outWeak weak bits (bit {@code p & 63} of word {@code p >>> 6}), or null; then {@code
   *     inWeak} is not written. {@code inWeak} must be zero-filled.
   */
  public static void transpose(
      int nodeCount,
      LongArray outOffsets,
      IntArray outTargets,
      IntArray outLabels,
      LongArray outWeak,
      LongArray inOffsets,
      IntArray inSources,
      IntArray inLabels,
      LongArray inWeak,
      BigArrays scratch) {
    long edges = outOffsets.get(nodeCount);
    int blocks = (int) (((long) nodeCount + BLOCK_NODES - 1) >>> BLOCK_SHIFT) + 1;
    long[] blockStarts = blockStarts(outTargets, edges, blocks);
    try (LongArray records = scratch.newLongArray(Math.max(1, edges));
        IntArray labels = outLabels == null ? null : scratch.newIntArray(Math.max(1, edges))) {
      Partitioner partitioner = new Partitioner(blockStarts, records, labels);
      partitioner.partition(nodeCount, outOffsets, outTargets, outLabels, outWeak);
      placeBlocks(nodeCount, blockStarts, records, labels, inOffsets, inSources, inLabels, inWeak);
    }
  }

  /** Edge counts by target block, as a prefix sum: block b's edges are positions [b], [b+1]. */
  private static long[] blockStarts(IntArray outTargets, long edges, int blocks) {
    long[] starts = new long[blocks + 1];
    int[] chunk = new int[CHUNK];
    for (long position = 0; position < edges; position += CHUNK) {
      int length = (int) Math.min(CHUNK, edges - position);
      outTargets.get(position, chunk, 0, length);
      for (int k = 0; k < length; k++) {
        starts[(chunk[k] >>> BLOCK_SHIFT) + 1]++;
      }
    }
    for (int block = 0; block < blocks; block++) {
      starts[block + 1] += starts[block];
    }
    return starts;
  }

  /**
   * Counts and places the edges of each block: its records were written in ascending source
   * order, so each node's sources come out ascending.
   */
  private static void placeBlocks(
      int nodeCount,
      long[] blockStarts,
      LongArray records,
      IntArray labels,
      LongArray inOffsets,
      IntArray inSources,
      IntArray inLabels,
      LongArray inWeak) {
    long[] cursors = new long[BLOCK_NODES + 1];
    long[] recordChunk = new long[CHUNK];
    int[] labelChunk = labels == null ? null : new int[CHUNK];
    inOffsets.set(0, 0);
    for (int block = 0; (long) block << BLOCK_SHIFT < nodeCount; block++) {
      int first = block << BLOCK_SHIFT;
      int nodes = Math.min(BLOCK_NODES, nodeCount - first);
      long start = blockStarts[block];
      long end = blockStarts[block + 1];
      java.util.Arrays.fill(cursors, 0, nodes + 1, 0);
      for (long position = start; position < end; position += CHUNK) {
        int length = (int) Math.min(CHUNK, end - position);
        records.get(position, recordChunk, 0, length);
        for (int k = 0; k < length; k++) {
          cursors[(int) (recordChunk[k] & (BLOCK_NODES - 1)) + 1]++;
        }
      }
      cursors[0] = start;
      for (int node = 0; node < nodes; node++) {
        cursors[node + 1] += cursors[node];
      }
      // cursors[node] is now the first inbound position of first + node; written before use.
      inOffsets.set(first + 1L, cursors, 1, nodes);
      for (long position = start; position < end; position += CHUNK) {
        int length = (int) Math.min(CHUNK, end - position);
        records.get(position, recordChunk, 0, length);
        if (labels != null) {
          labels.get(position, labelChunk, 0, length);
        }
        for (int k = 0; k < length; k++) {
          long record = recordChunk[k];
          long target = cursors[(int) (record & (BLOCK_NODES - 1))]++;
          inSources.set(target, (int) (record >>> 32));
          if (labels != null) {
            inLabels.set(target, labelChunk[k]);
          }
          if ((record & Partitioner.WEAK) != 0) {
            inWeak.set(target >>> 6, inWeak.get(target >>> 6) | (1L << (target & 63)));
          }
        }
      }
    }
  }
}
