package org.hpq.hprof.graph;

import org.hpq.hprof.store.IntArray;
import org.hpq.hprof.store.LongArray;

/**
 * The first pass of {@link EdgeTransposer}: reads the outbound graph sequentially in chunks and
 * appends each edge, as one record {@code source << 32 | weak << 31 | target within its block},
 * to the stream of its target's block, through a small buffer per block flushed in bulk.
 */
final class Partitioner {
  static final long WEAK = 1L << 31;
  private static final int CHUNK = 1 << 14;

  private final long[] cursors;
  private final LongArray records;
  private final IntArray labels;
  private final int bufferSize;
  private final long[][] recordBuffers;
  private final int[][] labelBuffers;
  private final int[] filled;

  Partitioner(long[] blockStarts, LongArray records, IntArray labels) {
    int blocks = blockStarts.length - 1;
    this.cursors = blockStarts.clone();
    this.records = records;
    this.labels = labels;
    // About a million buffered edges in all, so that the heap stays small for any node count.
    this.bufferSize = Math.max(16, Math.min(256, (1 << 20) / Math.max(1, blocks)));
    this.recordBuffers = new long[blocks][];
    this.labelBuffers = labels == null ? null : new int[blocks][];
    this.filled = new int[blocks];
  }

  void partition(
      int nodeCount, LongArray outOffsets, IntArray outTargets, IntArray outLabels, LongArray outWeak) {
    long[] offsets = new long[CHUNK + 1];
    int[] targets = new int[CHUNK];
    int[] edgeLabels = outLabels == null ? null : new int[CHUNK];
    long[] weakWords = new long[CHUNK / 64 + 2];
    long edges = outOffsets.get(nodeCount);
    long loaded = 0; // targets[k] is edge position loaded + k
    int length = 0;
    for (int firstNode = 0; firstNode < nodeCount; firstNode += CHUNK) {
      int nodes = Math.min(CHUNK, nodeCount - firstNode);
      outOffsets.get(firstNode, offsets, 0, nodes + 1);
      for (int k = 0; k < nodes; k++) {
        int source = firstNode + k;
        for (long position = offsets[k], end = offsets[k + 1]; position < end; position++) {
          if (position >= loaded + length) {
            loaded = position;
            length = (int) Math.min(CHUNK, edges - position);
            outTargets.get(position, targets, 0, length);
            if (outLabels != null) {
              outLabels.get(position, edgeLabels, 0, length);
            }
            if (outWeak != null) {
              long firstWord = position >>> 6;
              int words = (int) (((position + length - 1) >>> 6) - firstWord + 1);
              outWeak.get(firstWord, weakWords, 0, words);
            }
          }
          int index = (int) (position - loaded);
          int target = targets[index];
          boolean weak =
              outWeak != null
                  && (weakWords[(int) ((position >>> 6) - (loaded >>> 6))] & (1L << (position & 63)))
                      != 0;
          add(
              target >>> EdgeTransposer.BLOCK_SHIFT,
              ((long) source << 32)
                  | (weak ? WEAK : 0)
                  | (target & (EdgeTransposer.BLOCK_NODES - 1)),
              edgeLabels == null ? 0 : edgeLabels[index]);
        }
      }
    }
    for (int block = 0; block < filled.length; block++) {
      flush(block);
    }
  }

  private void add(int block, long record, int label) {
    long[] buffer = recordBuffers[block];
    if (buffer == null) {
      buffer = recordBuffers[block] = new long[bufferSize];
      if (labelBuffers != null) {
        labelBuffers[block] = new int[bufferSize];
      }
    }
    int index = filled[block];
    buffer[index] = record;
    if (labelBuffers != null) {
      labelBuffers[block][index] = label;
    }
    filled[block] = index + 1;
    if (index + 1 == bufferSize) {
      flush(block);
    }
  }

  private void flush(int block) {
    int count = filled[block];
    if (count == 0) {
      return;
    }
    records.set(cursors[block], recordBuffers[block], 0, count);
    if (labels != null) {
      labels.set(cursors[block], labelBuffers[block], 0, count);
    }
    cursors[block] += count;
    filled[block] = 0;
  }
}
