package org.hpq.hprof.internal;

import org.hpq.hprof.store.LongArray;

/**
 * The object ids the scan writes, in file order, in 4 bytes each while they allow it: the scan's
 * scratch then takes 12 bytes an object (with the 8-byte offsets) instead of 16, and on the
 * virtual machines hpq is measured on every fresh gigabyte of memory costs 3 to 4 s.
 *
 * <p>The 4-byte form needs a base and a step before any id is stored, and the scan learns the
 * smallest id only at the end. So they are guessed from the first id: steps of 8 bytes (HotSpot's
 * object alignment) from a base 16 GB below it (or, when it is below 16 GB, from the base
 * congruent to it below 8), which covers ids from 16 GB below to 16 GB above the first one: any
 * heap of up to 16 GB, and any heap within the lowest 32 GB of addresses (zero-based compressed
 * references). The first id that does not fit makes the column wide: the ids so far are copied
 * into an 8-byte array, which takes all later ones.
 */
final class IdColumn implements LongArray {
  /** Bytes between the ids the 4-byte form can hold, as a power of two. */
  static final int SHIFT = 3;
  private static final long BELOW_FIRST = 1L << 34;
  private static final long MAXIMUM_UNITS = 0xFFFF_FFFFL;

  /**
   * Makes the 4-byte array of {@code size} ids {@code base + (u << shift)}, u below 2^32 (the sum
   * does not wrap).
   */
  interface NarrowFactory {
    LongArray create(long size, long base, int shift);
  }

  /** Makes the 8-byte array of {@code size} ids. */
  interface WideFactory {
    LongArray create(long size);
  }

  private final long size;
  private final NarrowFactory narrowFactory;
  private final WideFactory wideFactory;
  private LongArray values;
  private boolean narrow = true;
  private long base;
  /** One past the highest index written. */
  private long written;

  IdColumn(long size, NarrowFactory narrowFactory, WideFactory wideFactory) {
    this.size = size;
    this.narrowFactory = narrowFactory;
    this.wideFactory = wideFactory;
  }

  /** Whether the ids are held in 4 bytes each, as {@link #base()} plus steps of 2^{@value #SHIFT}. */
  boolean narrow() {
    return narrow;
  }

  /** The base of the 4-byte form. */
  long base() {
    return base;
  }

  /** The array the ids are in (null before the first is written). */
  LongArray values() {
    return values;
  }

  @Override
  public long size() {
    return size;
  }

  @Override
  public long get(long index) {
    return readable(index).get(index);
  }

  @Override
  public void get(long index, long[] into, int offset, int count) {
    readable(index).get(index, into, offset, count);
  }

  private LongArray readable(long index) {
    if (values == null) {
      throw new IndexOutOfBoundsException("index " + index + " of an id column with nothing written");
    }
    return values;
  }

  @Override
  public void set(long index, long value) {
    prepare(value);
    if (narrow && !fits(value)) {
      widen();
    }
    values.set(index, value);
    written = Math.max(written, index + 1);
  }

  @Override
  public void set(long index, long[] from, int offset, int count) {
    if (count == 0) {
      return;
    }
    prepare(from[offset]);
    if (narrow) {
      for (int k = 0; k < count; k++) {
        if (!fits(from[offset + k])) {
          widen();
          break;
        }
      }
    }
    values.set(index, from, offset, count);
    written = Math.max(written, index + count);
  }

  /** Makes the 4-byte array, with its base guessed from {@code first}, before the first write. */
  private void prepare(long first) {
    if (values != null) {
      return;
    }
    long below = (Long.compareUnsigned(first, BELOW_FIRST) < 0 ? first : BELOW_FIRST) & -(1L << SHIFT);
    base = first - below;
    if (Long.compareUnsigned(base, -1L - (MAXIMUM_UNITS << SHIFT)) > 0) {
      // Ids near the top of the unsigned range: the 4-byte form's range would wrap.
      narrow = false;
      values = wideFactory.create(size);
    } else {
      values = narrowFactory.create(size, base, SHIFT);
    }
  }

  private boolean fits(long id) {
    long units = id - base;
    return (units & ((1L << SHIFT) - 1)) == 0 && Long.compareUnsigned(units >>> SHIFT, MAXIMUM_UNITS) <= 0
        && Long.compareUnsigned(id, base) >= 0;
  }

  private void widen() {
    LongArray wide = wideFactory.create(size);
    long[] buffer = new long[1 << 14];
    for (long done = 0; done < written; ) {
      int piece = (int) Math.min(buffer.length, written - done);
      values.get(done, buffer, 0, piece);
      wide.set(done, buffer, 0, piece);
      done += piece;
    }
    values.close();
    values = wide;
    narrow = false;
  }

  @Override
  public void close() {
    if (values != null) {
      values.close();
    }
  }
}
