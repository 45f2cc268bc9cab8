package org.hpq.hprof.store;

/**
 * A fixed-size array of {@code byte} addressed by {@code long}, on the heap or in a memory-mapped
 * file. Not thread-safe for writes; concurrent reads are safe once writing has finished.
 */
public interface ByteArray extends AutoCloseable {

  long size();

  byte get(long index);

  void set(long index, byte value);

  /** Copies {@code count} elements from {@code from[offset..]} to this array at {@code index}. */
  default void set(long index, byte[] from, int offset, int count) {
    Bounds.check(index, count, size(), offset, from.length);
    for (int k = 0; k < count; k++) {
      set(index + k, from[offset + k]);
    }
  }

  @Override
  default void close() {}
}
