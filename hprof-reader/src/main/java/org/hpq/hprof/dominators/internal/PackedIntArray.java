package org.hpq.hprof.dominators.internal;

import java.util.Objects;

import org.hpq.hprof.store.IntArray;
import org.hpq.hprof.store.LongArray;

/**
 * A view of a {@link LongArray} as an {@link IntArray} of up to twice its length, two ints to a
 * long (element {@code i} in the low half of long {@code i / 2} when {@code i} is even, else in the
 * high half). Lets a long array that is not needed yet hold a stretch of ints in half its memory.
 * A write reads and rewrites the whole long, so two threads must not write the two halves of one
 * long at once. Closing the view does not close the array.
 */
final class PackedIntArray implements IntArray {
  private final LongArray array;
  private final long size;

  PackedIntArray(LongArray array, long size) {
    if (size < 0 || size > 2 * array.size()) {
      throw new IllegalArgumentException(size + " ints do not fit in " + array.size() + " longs");
    }
    this.array = array;
    this.size = size;
  }

  @Override
  public long size() {
    return size;
  }

  @Override
  public int get(long index) {
    Objects.checkIndex(index, size);
    return (int) (array.get(index >>> 1) >>> ((index & 1) << 5));
  }

  @Override
  public void set(long index, int value) {
    Objects.checkIndex(index, size);
    int shift = (int) ((index & 1) << 5);
    long word = array.get(index >>> 1);
    array.set(index >>> 1, (word & ~(0xFFFF_FFFFL << shift)) | ((value & 0xFFFF_FFFFL) << shift));
  }

  /** Reads the longs that hold the ints with one bulk read. */
  @Override
  public void get(long index, int[] into, int offset, int count) {
    if (count == 0) {
      return;
    }
    Objects.checkFromIndexSize(index, count, size);
    long first = index >>> 1;
    long[] words = new long[(int) (((index + count - 1) >>> 1) - first + 1)];
    array.get(first, words, 0, words.length);
    for (int k = 0; k < count; k++) {
      long i = index + k;
      into[offset + k] = (int) (words[(int) ((i >>> 1) - first)] >>> ((i & 1) << 5));
    }
  }
}
