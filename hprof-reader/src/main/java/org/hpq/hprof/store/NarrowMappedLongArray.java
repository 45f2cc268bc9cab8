package org.hpq.hprof.store;

import java.util.Objects;

/**
 * A {@link LongArray} of values {@code base + (u << shift)}, u in [0, 2^32), each stored as u in 4
 * bytes of a {@link MappedFile}: half the memory (and half the fresh pages to fault in) of {@link
 * MappedLongArray}. Edge offsets of graphs with fewer than 2^32 edges (base 0, shift 0), object ids
 * that are aligned addresses within 2^32 alignment units of the smallest, and shallow sizes in
 * units of 8 bytes.
 */
final class NarrowMappedLongArray implements LongArray {
  /** The largest value the array can hold. */
  static final long MAXIMUM = 0xFFFF_FFFFL;

  private final MappedFile file;
  private final long size;
  private final long base;
  private final int shift;
  private final long unitMask;

  NarrowMappedLongArray(MappedFile file, long size) {
    this(file, size, 0, 0);
  }

  NarrowMappedLongArray(MappedFile file, long size, long base, int shift) {
    if (shift < 0 || shift > 32) {
      throw new IllegalArgumentException("shift " + shift);
    }
    this.file = file;
    this.size = size;
    this.base = base;
    this.shift = shift;
    this.unitMask = (1L << shift) - 1;
  }

  /** Whether every value in [{@code smallest}, {@code largest}] (unsigned) of the form base + (u << shift) fits. */
  static boolean fits(long smallest, long largest, int shift) {
    return Long.compareUnsigned(largest, smallest) >= 0 && Long.compareUnsigned((largest - smallest) >>> shift, MAXIMUM) <= 0;
  }

  @Override
  public long size() {
    return size;
  }

  @Override
  public long get(long index) {
    Objects.checkIndex(index, size);
    return base + ((file.getInt(index << 2) & MAXIMUM) << shift);
  }

  @Override
  public void set(long index, long value) {
    Objects.checkIndex(index, size);
    file.putInt(index << 2, narrow(value));
  }

  @Override
  public void get(long index, long[] into, int offset, int count) {
    Bounds.check(index, count, size, offset, into.length);
    for (int k = 0; k < count; k++) {
      into[offset + k] = base + ((file.getInt((index + k) << 2) & MAXIMUM) << shift);
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

  private int narrow(long value) {
    long units = (value - base) >>> shift;
    if (((value - base) & unitMask) != 0 || Long.compareUnsigned(value, base) < 0 || units > MAXIMUM) {
      throw new IllegalArgumentException(
          String.format("value 0x%x is not 0x%x plus a multiple of %d below 2^32 of them", value, base, 1L << shift));
    }
    return (int) units;
  }

  @Override
  public void close() {
    file.close();
  }

  MappedFile file() {
    return file;
  }
}
