package org.hpq.hprof.store;

import java.util.Arrays;

/** A {@link LongArray} on the Java heap, for small graphs and tests. */
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
  public void fill(long value) {
    Arrays.fill(values, value);
  }
}
