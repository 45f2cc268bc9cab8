package org.hpq.hprof.store;

import java.util.Objects;

/**
 * A fixed-size array of {@code long} addressed by {@code long}, on the heap or in a memory-mapped
 * file. Implementations are not thread-safe for writes; concurrent reads are safe once writing
 * has finished, and writes to disjoint ranges from different threads are safe.
 *
 * <p>Loops over millions of elements should prefer the bulk methods ({@link #get(long, long[],
 * int, int)}, {@link #set(long, long[], int, int)}, {@link #copyFrom}, {@link #fill(long, long,
 * long)}): a mapped array moves them with one memory copy per piece instead of a call per element.
 */
public interface LongArray extends AutoCloseable {

  /** Number of elements. */
  long size();

  /** Returns element {@code index}; throws {@link IndexOutOfBoundsException} when out of range. */
  long get(long index);

  /** Sets element {@code index}. Throws {@link UnsupportedOperationException} if read-only. */
  void set(long index, long value);

  /**
   * Copies elements {@code index .. index + count - 1} into {@code into[offset .. offset + count
   * - 1]}.
   *
   * @throws IndexOutOfBoundsException if either range is out of bounds
   */
  default void get(long index, long[] into, int offset, int count) {
    Bounds.check(index, count, size(), offset, into.length);
    for (int k = 0; k < count; k++) {
      into[offset + k] = get(index + k);
    }
  }

  /**
   * Copies {@code from[offset .. offset + count - 1]} to elements {@code index .. index + count -
   * 1}.
   *
   * @throws IndexOutOfBoundsException if either range is out of bounds
   */
  default void set(long index, long[] from, int offset, int count) {
    Bounds.check(index, count, size(), offset, from.length);
    for (int k = 0; k < count; k++) {
      set(index + k, from[offset + k]);
    }
  }

  /**
   * Copies {@code count} elements of {@code source} from {@code sourceIndex} to this array from
   * {@code index}. {@code source} may be this array only if the ranges do not overlap.
   *
   * @throws IndexOutOfBoundsException if either range is out of bounds
   */
  default void copyFrom(LongArray source, long sourceIndex, long index, long count) {
    Objects.requireNonNull(source, "source");
    Bounds.check(sourceIndex, count, source.size());
    Bounds.check(index, count, size());
    long[] buffer = new long[(int) Math.min(count, Bounds.BUFFER_ELEMENTS)];
    for (long done = 0; done < count; ) {
      int piece = (int) Math.min(buffer.length, count - done);
      source.get(sourceIndex + done, buffer, 0, piece);
      set(index + done, buffer, 0, piece);
      done += piece;
    }
  }

  /** Sets every element to {@code value}. */
  default void fill(long value) {
    fill(0, size(), value);
  }

  /**
   * Sets elements {@code from} (inclusive) to {@code to} (exclusive) to {@code value}.
   *
   * @throws IndexOutOfBoundsException if the range is out of bounds
   */
  default void fill(long from, long to, long value) {
    Bounds.check(from, to - from, size());
    for (long i = from; i < to; i++) {
      set(i, value);
    }
  }

  /** Releases the memory or mapping; the array must not be used afterwards. */
  @Override
  default void close() {}
}
