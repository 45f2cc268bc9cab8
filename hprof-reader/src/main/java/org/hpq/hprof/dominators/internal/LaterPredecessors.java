package org.hpq.hprof.dominators.internal;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import org.hpq.hprof.store.BigArrays;
import org.hpq.hprof.store.IntArray;
import org.hpq.hprof.store.LongArray;

/**
 * The pairs (number i, predecessor j > i) that the semidominator loop evaluates, stored so that
 * the loop, which goes through the numbers from high to low, reads them sequentially although
 * they are found in object order.
 *
 * <p>The numbers are split into buckets of {@code 2^shift} consecutive numbers (at most about
 * 2,048 buckets). Each {@link Writer} keeps a small buffer per bucket on the heap and appends a
 * full buffer as one chunk of {@value #CHUNK} longs to a shared chunk store (scratch arrays of
 * {@value #SEGMENT_CHUNKS} chunks, allocated as needed); each bucket remembers its chunks. {@link
 * #load} gathers one bucket and groups its pairs by number with a counting sort. Memory: 8 bytes
 * a pair, plus one bucket's pairs grouped (4 bytes a pair) while it is processed.
 *
 * <p>Writers may run in parallel threads (chunk allocation is synchronized); {@link #load} must
 * only be called after every writer is {@link Writer#finish finished}.
 */
final class LaterPredecessors implements AutoCloseable {
  static final int CHUNK = 1024;
  static final int SEGMENT_CHUNKS = 8192;
  private static final int MAX_BUCKET_BITS = 11;

  private final BigArrays scratch;
  private final int shift;
  private final int bucketCount;
  private final List<LongArray> segments = new ArrayList<>();
  /** Chunk indexes of each bucket, and how many are used. */
  private final int[][] chunksOf;
  private final int[] chunkCounts;
  /** Pairs of each bucket not in a chunk: the writers' partly filled buffers, once finished. */
  private final List<long[][]> tailBuffers = new ArrayList<>();
  private final List<int[]> tailSizes = new ArrayList<>();
  private int chunkCount;
  private IntArray grouped;

  /** A store for numbers {@code 0..count-1}. */
  LaterPredecessors(int count, BigArrays scratch) {
    this.scratch = scratch;
    int bits = 32 - Integer.numberOfLeadingZeros(Math.max(1, count - 1));
    this.shift = Math.max(16, bits - MAX_BUCKET_BITS);
    this.bucketCount = (int) (((long) count + (1L << shift) - 1) >>> shift);
    this.chunksOf = new int[bucketCount][];
    this.chunkCounts = new int[bucketCount];
  }

  int bucketCount() {
    return bucketCount;
  }

  /** First number of {@code bucket}. */
  int bucketStart(int bucket) {
    return bucket << shift;
  }

  /** Number of numbers a bucket covers. */
  int bucketRange() {
    return 1 << shift;
  }

  /** A new writer; each thread needs its own. */
  Writer writer() {
    return new Writer();
  }

  /** Appends pairs to the store through per-bucket buffers; one thread only. */
  final class Writer {
    private final long[][] buffers = new long[bucketCount][];
    private final int[] sizes = new int[bucketCount];

    private Writer() {}

    /** Records that {@code predecessor} is a later predecessor of {@code number}. */
    void add(int number, int predecessor) {
      int bucket = number >>> shift;
      long[] buffer = buffers[bucket];
      if (buffer == null) {
        buffer = new long[CHUNK];
        buffers[bucket] = buffer;
      }
      int size = sizes[bucket];
      buffer[size++] = ((long) (number & ((1 << shift) - 1)) << 32) | (predecessor & 0xFFFFFFFFL);
      if (size == CHUNK) {
        store(bucket, buffer);
        size = 0;
      }
      sizes[bucket] = size;
    }

    /** Hands the partly filled buffers over to the store; the writer must not be used after. */
    void finish() {
      synchronized (LaterPredecessors.this) {
        for (int bucket = 0; bucket < bucketCount; bucket++) {
          if (sizes[bucket] == 0) {
            buffers[bucket] = null;
          }
        }
        tailBuffers.add(buffers);
        tailSizes.add(sizes);
      }
    }
  }

  private synchronized void store(int bucket, long[] buffer) {
    int chunk = chunkCount++;
    int segment = chunk / SEGMENT_CHUNKS;
    if (segment == segments.size()) {
      segments.add(scratch.newUninitializedLongArray((long) SEGMENT_CHUNKS * CHUNK));
    }
    segments.get(segment).set((long) (chunk % SEGMENT_CHUNKS) * CHUNK, buffer, 0, CHUNK);
    int[] chunks = chunksOf[bucket];
    if (chunks == null) {
      chunks = new int[4];
      chunksOf[bucket] = chunks;
    } else if (chunkCounts[bucket] == chunks.length) {
      chunks = Arrays.copyOf(chunks, chunks.length * 2);
      chunksOf[bucket] = chunks;
    }
    chunks[chunkCounts[bucket]++] = chunk;
  }

  /** Number of pairs in {@code bucket}. */
  private long pairCount(int bucket) {
    long pairs = (long) chunkCounts[bucket] * CHUNK;
    for (int[] sizes : tailSizes) {
      pairs += sizes[bucket];
    }
    return pairs;
  }

  /**
   * Groups the pairs of {@code bucket} by number: afterwards the predecessors of number {@code
   * bucketStart(bucket) + k} are {@link #predecessor predecessor(p)} for {@code starts[k] <= p <
   * starts[k + 1]}.
   *
   * @param starts at least {@code bucketRange() + 1} ints; overwritten
   */
  void load(int bucket, int[] starts) {
    long pairs = pairCount(bucket);
    if (pairs > Integer.MAX_VALUE) {
      throw new IllegalStateException(pairs + " later predecessors in one bucket");
    }
    if (grouped == null || grouped.size() < pairs) {
      if (grouped != null) {
        grouped.close();
      }
      grouped = scratch.newUninitializedIntArray(Math.max(pairs, CHUNK));
    }
    int range = bucketRange();
    Arrays.fill(starts, 0, range + 1, 0);
    long[] buffer = new long[CHUNK];
    // Count per number (into starts[k + 1]), then prefix sums, then place.
    for (int pass = 0; pass < 2; pass++) {
      for (int c = 0; c < chunkCounts[bucket]; c++) {
        int chunk = chunksOf[bucket][c];
        segments
            .get(chunk / SEGMENT_CHUNKS)
            .get((long) (chunk % SEGMENT_CHUNKS) * CHUNK, buffer, 0, CHUNK);
        consume(buffer, CHUNK, starts, pass);
      }
      for (int t = 0; t < tailBuffers.size(); t++) {
        long[] tail = tailBuffers.get(t)[bucket];
        if (tail != null) {
          consume(tail, tailSizes.get(t)[bucket], starts, pass);
        }
      }
      if (pass == 0) {
        for (int k = 0; k < range; k++) {
          starts[k + 1] += starts[k];
        }
      }
    }
    // Placing advanced starts[k] to the end of number k: shift back by one.
    System.arraycopy(starts, 0, starts, 1, range);
    starts[0] = 0;
  }

  private void consume(long[] pairs, int size, int[] starts, int pass) {
    if (pass == 0) {
      for (int p = 0; p < size; p++) {
        starts[(int) (pairs[p] >>> 32) + 1]++;
      }
    } else {
      for (int p = 0; p < size; p++) {
        int k = (int) (pairs[p] >>> 32);
        grouped.set(starts[k]++, (int) pairs[p]);
      }
    }
  }

  /** The predecessor at position {@code position} of the bucket {@link #load loaded} last. */
  int predecessor(int position) {
    return grouped.get(position);
  }

  @Override
  public void close() {
    for (LongArray segment : segments) {
      segment.close();
    }
    segments.clear();
    if (grouped != null) {
      grouped.close();
      grouped = null;
    }
  }
}
