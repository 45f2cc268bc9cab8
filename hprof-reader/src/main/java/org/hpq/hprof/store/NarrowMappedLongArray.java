package org.hpq.hprof.store;

/**
 * A {@link LongArray} of values in [0, 2^32) stored as 4-byte unsigned ints in a {@link
 * MappedFile}: half the memory (and half the fresh pages to fault in) of {@link MappedLongArray}
 * for edge offsets of graphs with fewer than 2^32 edges.
 */
final class NarrowMappedLongArray implements LongArray {
  /** The largest value the array can hold. */
  static final long MAXIMUM = 0xFFFF_FFFFL;

  private final MappedFile file;
  private final long size;

  NarrowMappedLongArray(MappedFile file, long size) {
    this.file = file;
    this.size = size;
  }

  @Override
  public long size() {
    return size;
  }

  @Override
  public long get(long index) {
    check(index);
    return file.getInt(index << 2) & MAXIMUM;
  }

  @Override
  public void set(long index, long value) {
    check(index);
    file.putInt(index << 2, narrow(value));
  }

  @Override
  public void get(long index, long[] into, int offset, int count) {
    Bounds.check(index, count, size, offset, into.length);
    for (int k = 0; k < count; k++) {
      into[offset + k] = file.getInt((index + k) << 2) & MAXIMUM;
    }
  }

  @Override
  public void set(long index, long[] from, int offset, int count) {
    Bounds.check(index, count, size, offset, from.length);
    for (int k = 0; k < count; k++) {
      file.putInt((index + k) << 2, narrow(from[offset + k]));
    }
  }

  @Override
  public void fill(long from, long to, long value) {
    Bounds.check(from, to - from, size);
    for (long i = from; i < to; i++) {
      set(i, value);
    }
  }

  private static int narrow(long value) {
    if (value < 0 || value > MAXIMUM) {
      throw new IllegalArgumentException("value " + value + " does not fit in 32 unsigned bits");
    }
    return (int) value;
  }

  private void check(long index) {
    if (index < 0 || index >= size) {
      throw new IndexOutOfBoundsException("index " + index + " of " + size);
    }
  }

  @Override
  public void close() {
    file.close();
  }
}
