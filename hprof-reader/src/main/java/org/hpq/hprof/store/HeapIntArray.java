package org.hpq.hprof.store;

import java.util.Arrays;

/** An {@link IntArray} on the Java heap, for small graphs and tests. */
final class HeapIntArray implements IntArray {
  private final int[] values;

  HeapIntArray(int[] values) {
    this.values = values;
  }

  @Override
  public long size() {
    return values.length;
  }

  @Override
  public int get(long index) {
    return values[Math.toIntExact(index)];
  }

  @Override
  public void set(long index, int value) {
    values[Math.toIntExact(index)] = value;
  }

  @Override
  public void get(long index, int[] into, int offset, int count) {
    Bounds.check(index, count, values.length, offset, into.length);
    System.arraycopy(values, (int) index, into, offset, count);
  }

  @Override
  public void set(long index, int[] from, int offset, int count) {
    Bounds.check(index, count, values.length, offset, from.length);
    System.arraycopy(from, offset, values, (int) index, count);
  }

  @Override
  public void copyFrom(IntArray source, long sourceIndex, long index, long count) {
    Bounds.check(index, count, values.length);
    // The target is one Java array, so the source can copy straight into it.
    source.get(sourceIndex, values, (int) index, (int) count);
  }

  @Override
  public void fill(long from, long to, int value) {
    Bounds.check(from, to - from, values.length);
    Arrays.fill(values, (int) from, (int) to, value);
  }

  int[] values() {
    return values;
  }
}
