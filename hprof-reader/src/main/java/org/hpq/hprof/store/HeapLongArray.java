package org.hpq.hprof.store;

import java.util.Arrays;

/** An {@link LongArray} on the Java heap, for small graphs and tests. */
final class HeapLongArray implements LongArray {
  private final long[] values;

  HeapLongArray(long[] values) {
    this.values = values;
  }

  @Override
  public long size() {
    return values.length;
  }

  @Override
  public long get(long index) {
    return values[Math.toIntExact(index)];
  }

  @Override
  public void set(long index, long value) {
    values[Math.toIntExact(index)] = value;
  }

  @Override
  public void get(long index, long[] into, int offset, int count) {
    Bounds.check(index, count, values.length, offset, into.length);
    System.arraycopy(values, (int) index, into, offset, count);
  }

  @Override
  public void set(long index, long[] from, int offset, int count) {
    Bounds.check(index, count, values.length, offset, from.length);
    System.arraycopy(from, offset, values, (int) index, count);
  }

  @Override
  public void copyFrom(LongArray source, long sourceIndex, long index, long count) {
    Bounds.check(index, count, values.length);
    // The target is one Java array, so the source can copy straight into it.
    source.get(sourceIndex, values, (int) index, (int) count);
  }

  @Override
  public void fill(long from, long to, long value) {
    Bounds.check(from, to - from, values.length);
    Arrays.fill(values, (int) from, (int) to, value);
  }

  long[] values() {
    return values;
  }
}
