package org.hpq.hprof.store;

import java.util.Map;
import java.util.Objects;
import java.util.TreeMap;
import java.util.concurrent.ConcurrentHashMap;

/**
 * A {@link LongArray} of non-negative multiples of 2^{@code shift} in 2 bytes each: a value below
 * {@link #ESCAPE} units is stored as its units, a larger one as {@link #ESCAPE}, with the value
 * itself in a side table that the owner keeps ({@link #largeValues}, and {@link #withLargeValues}
 * when mapped again). Shallow sizes in steps of 8 bytes, where only objects of half a megabyte or
 * more need the table: 2 bytes an object less than {@link NarrowMappedLongArray}, 185 MB of fresh
 * memory fewer on the benchmark dump, whose table has 2 entries.
 *
 * <p>Threads may write distinct indexes at once, as with the other mapped arrays.
 */
public final class ShortMappedLongArray implements LongArray {
  /** Stored for a value of this many units or more, which the side table then holds. */
  public static final int ESCAPE = 0xFFFF;

  private final MappedFile file;
  private final long size;
  private final int shift;
  private final long unitMask;
  private final Map<Long, Long> large;

  ShortMappedLongArray(MappedFile file, long size, int shift, Map<Long, Long> large) {
    if (shift < 0 || shift > 32) {
      throw new IllegalArgumentException("shift " + shift);
    }
    this.file = file;
    this.size = size;
    this.shift = shift;
    this.unitMask = (1L << shift) - 1;
    this.large = new ConcurrentHashMap<>(large);
  }

  /** The bytes of a file of {@code size} values. */
  static long byteSize(long size) {
    return size * 2;
  }

  @Override
  public long size() {
    return size;
  }

  @Override
  public long get(long index) {
    Objects.checkIndex(index, size);
    return value(index, file.getChar(index << 1));
  }

  private long value(long index, char units) {
    if (units != ESCAPE) {
      return (long) units << shift;
    }
    Long value = large.get(index);
    if (value == null) {
      throw new IllegalStateException("no large value for index " + index);
    }
    return value;
  }

  @Override
  public void set(long index, long value) {
    Objects.checkIndex(index, size);
    if (value < 0 || (value & unitMask) != 0) {
      throw new IllegalArgumentException(
          String.format("value %d is not a non-negative multiple of %d", value, 1L << shift));
    }
    long units = value >>> shift;
    if (units < ESCAPE) {
      // An entry the side table may still hold for this index is never read again (the stored
      // units come first), and largeValues leaves it out: no map call on this, the common, path.
      file.putChar(index << 1, (char) units);
    } else {
      large.put(index, value);
      file.putChar(index << 1, (char) ESCAPE);
    }
  }

  @Override
  public void get(long index, long[] into, int offset, int count) {
    Bounds.check(index, count, size, offset, into.length);
    for (int k = 0; k < count; k++) {
      into[offset + k] = value(index + k, file.getChar((index + k) << 1));
    }
  }

  /** The values stored in the side table, by index, ascending. */
  public Map<Long, Long> largeValues() {
    Map<Long, Long> values = new TreeMap<>();
    large.forEach((index, value) -> {
      if (file.getChar(index << 1) == ESCAPE) {
        values.put(index, value);
      }
    });
    return values;
  }

  @Override
  public void close() {
    file.close();
  }
}
