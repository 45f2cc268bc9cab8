package org.hpq.hprof.dominators.internal;

import org.hpq.hprof.store.IntArray;
import org.hpq.hprof.store.LongArray;

/**
 * A view of a {@link LongArray} as an {@link IntArray} of the same length, one int in the low
 * half of each long (a write clears the high half). Lets a long array that is not needed yet hold
 * a stretch of ints; writes from different threads to different elements are safe. Closing the
 * view does not close the array.
 */
final class WideIntArray implements IntArray {
  private final LongArray array;

  WideIntArray(LongArray array) {
    this.array = array;
  }

  @Override
  public long size() {
    return array.size();
  }

  @Override
  public int get(long index) {
    return (int) array.get(index);
  }

  @Override
  public void set(long index, int value) {
    array.set(index, value);
  }

  /** Reads the longs with one bulk read, then keeps their low halves. */
  @Override
  public void get(long index, int[] into, int offset, int count) {
    long[] wide = new long[count];
    array.get(index, wide, 0, count);
    for (int k = 0; k < count; k++) {
      into[offset + k] = (int) wide[k];
    }
  }
}
