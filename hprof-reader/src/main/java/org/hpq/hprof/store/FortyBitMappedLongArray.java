package org.hpq.hprof.store;

import java.util.Objects;

/**
 * A {@link LongArray} of values in [0, 2^40) in 5 bytes each: the low 4 bytes of all values, then
 * the high byte of all values, in one {@link MappedFile}. File offsets of objects in dumps of up to
 * a terabyte: 3 bytes an object less than {@link MappedLongArray}, which on the benchmark dump is
 * 280 MB of fresh memory fewer to fault in.
 */
final class FortyBitMappedLongArray implements LongArray {
  /** The largest value the array can hold. */
  static final long MAXIMUM = (1L << 40) - 1;

  private final MappedFile file;
  private final long size;
  private final long highBytes;

  FortyBitMappedLongArray(MappedFile file, long size) {
    this.file = file;
    this.size = size;
    this.highBytes = size << 2;
  }

  /** The bytes of a file of {@code size} values. */
  static long byteSize(long size) {
    return size * 5;
  }

  @Override
  public long size() {
    return size;
  }

  @Override
  public long get(long index) {
    Objects.checkIndex(index, size);
    return (file.getInt(index << 2) & 0xFFFF_FFFFL) | ((file.getByte(highBytes + index) & 0xFFL) << 32);
  }

  @Override
  public void set(long index, long value) {
    Objects.checkIndex(index, size);
    if (value < 0 || value > MAXIMUM) {
      throw new IllegalArgumentException(String.format("value 0x%x is not below 2^40", value));
    }
    file.putInt(index << 2, (int) value);
    file.putByte(highBytes + index, (byte) (value >>> 32));
  }

  @Override
  public void close() {
    file.close();
  }

  MappedFile file() {
    return file;
  }
}
