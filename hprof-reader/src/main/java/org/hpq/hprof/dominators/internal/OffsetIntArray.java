package org.hpq.hprof.dominators.internal;

import org.hpq.hprof.store.IntArray;

/**
 * A view of an {@link IntArray} one element longer at the front: element {@code i} of the view is
 * element {@code i - 1} of the array, and element 0 does not exist. Lets an array of one int an
 * object hold a value for each preorder number {@code 1..count-1} (number 0, the virtual root,
 * needs none), since there are at most as many numbers as objects. Closing the view does not
 * close the array.
 */
final class OffsetIntArray implements IntArray {
  private final IntArray array;

  OffsetIntArray(IntArray array) {
    this.array = array;
  }

  @Override
  public long size() {
    return array.size() + 1;
  }

  @Override
  public int get(long index) {
    return array.get(index - 1);
  }

  @Override
  public void set(long index, int value) {
    array.set(index - 1, value);
  }

  @Override
  public void get(long index, int[] into, int offset, int count) {
    array.get(index - 1, into, offset, count);
  }

  @Override
  public void set(long index, int[] from, int offset, int count) {
    array.set(index - 1, from, offset, count);
  }
}
