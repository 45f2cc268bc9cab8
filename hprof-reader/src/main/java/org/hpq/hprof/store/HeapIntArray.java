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
  public void fill(int value) {
    Arrays.fill(values, value);
  }
}
