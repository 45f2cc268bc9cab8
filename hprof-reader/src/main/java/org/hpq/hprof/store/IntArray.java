package org.hpq.hprof.store;

/**
 * A fixed-size array of {@code int} addressed by {@code long}, on the heap or in a memory-mapped
 * file. Implementations are not thread-safe for writes; concurrent reads are safe once writing
 * has finished.
 */
public interface IntArray extends AutoCloseable {

  /** Number of elements. */
  long size();

  /** Returns element {@code index}; throws {@link IndexOutOfBoundsException} when out of range. */
  int get(long index);

  /** Sets element {@code index}. Throws {@link UnsupportedOperationException} if read-only. */
  void set(long index, int value);

  /** Sets every element to {@code value}. */
  default void fill(int value) {
    for (long i = 0, n = size(); i < n; i++) {
      set(i, value);
    }
  }

  /** Releases the memory or mapping; the array must not be used afterwards. */
  @Override
  default void close() {}
}
