package org.hpq.hprof.dominators.internal;

import org.hpq.hprof.store.BigArrays;
import org.hpq.hprof.store.LongArray;

/**
 * A stack of longs in a {@link LongArray} that doubles when full, so that a search can push one
 * entry an edge without reserving an entry for every edge up front. The old array is copied in
 * bulk and closed. Not thread-safe.
 */
final class LongStack implements AutoCloseable {
  private final BigArrays arrays;
  private LongArray values;
  private long capacity;
  private long size;

  LongStack(BigArrays arrays, long initialCapacity) {
    this.arrays = arrays;
    this.capacity = Math.max(16, initialCapacity);
    this.values = arrays.newUninitializedLongArray(capacity);
  }

  boolean isEmpty() {
    return size == 0;
  }

  void push(long value) {
    if (size == capacity) {
      grow();
    }
    values.set(size++, value);
  }

  /** Removes and returns the top entry; the stack must not be empty. */
  long pop() {
    return values.get(--size);
  }

  private void grow() {
    LongArray larger = arrays.newUninitializedLongArray(capacity * 2);
    larger.copyFrom(values, 0, 0, size);
    values.close();
    values = larger;
    capacity *= 2;
  }

  @Override
  public void close() {
    values.close();
  }
}
