package org.hpq.hprof.store;

/** Range checks shared by the array implementations. */
final class Bounds {
  /** Elements moved through a heap buffer at a time by the default bulk copies. */
  static final int BUFFER_ELEMENTS = 1 << 14;

  private Bounds() {}

  /** Checks that {@code index .. index + count - 1} lies within {@code 0 .. size - 1}. */
  static void check(long index, long count, long size) {
    if (index < 0 || count < 0 || index > size - count) {
      throw new IndexOutOfBoundsException(
          "range " + index + " + " + count + " out of bounds for size " + size);
    }
  }

  /** {@link #check(long, long, long)} for an array range and a Java array range. */
  static void check(long index, int count, long size, int offset, int length) {
    check(index, count, size);
    if (offset < 0 || offset > length - count) {
      throw new IndexOutOfBoundsException(
          "array range " + offset + " + " + count + " out of bounds for length " + length);
    }
  }
}
