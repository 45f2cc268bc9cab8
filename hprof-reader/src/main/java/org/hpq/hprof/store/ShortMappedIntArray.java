package org.hpq.hprof.store;

import java.util.Objects;

/**
 * An {@link IntArray} of values from -32768 to 32767 in 2 bytes each, in a {@link MappedFile}; it
 * refuses other values with an {@link IllegalArgumentException}. For scratch columns whose owner
 * keeps its values that small, such as the build's outbound labels.
 */
final class ShortMappedIntArray implements IntArray {
  private static final long SHORT_BASE = Memory.UNSAFE.arrayBaseOffset(short[].class);
  /** Values a bulk method moves at a time through its buffer. */
  private static final int PIECE = 8192;

  private final MappedFile file;
  private final long size;

  ShortMappedIntArray(MappedFile file, long size) {
    this.file = file;
    this.size = size;
  }

  @Override
  public long size() {
    return size;
  }

  @Override
  public int get(long index) {
    Objects.checkIndex(index, size);
    return (short) file.getChar(index << 1);
  }

  @Override
  public void set(long index, int value) {
    Objects.checkIndex(index, size);
    if (value != (short) value) {
      throw new IllegalArgumentException("value " + value + " does not fit in 2 bytes");
    }
    file.putChar(index << 1, (char) value);
  }

  /** Reads the values a piece at a time with one memory copy each, and widens them. */
  @Override
  public void get(long index, int[] into, int offset, int count) {
    Bounds.check(index, count, size, offset, into.length);
    short[] buffer = new short[Math.min(count, PIECE)];
    for (int done = 0; done < count; done += buffer.length) {
      int piece = Math.min(buffer.length, count - done);
      file.copyToArray((index + done) << 1, buffer, SHORT_BASE, (long) piece << 1);
      for (int k = 0; k < piece; k++) {
        into[offset + done + k] = buffer[k];
      }
    }
  }

  /** Narrows the values a piece at a time and writes each piece with one memory copy. */
  @Override
  public void set(long index, int[] from, int offset, int count) {
    Bounds.check(index, count, size, offset, from.length);
    short[] buffer = new short[Math.min(count, PIECE)];
    for (int done = 0; done < count; done += buffer.length) {
      int piece = Math.min(buffer.length, count - done);
      for (int k = 0; k < piece; k++) {
        int value = from[offset + done + k];
        if (value != (short) value) {
          throw new IllegalArgumentException("value " + value + " does not fit in 2 bytes");
        }
        buffer[k] = (short) value;
      }
      file.copyFromArray(buffer, SHORT_BASE, (index + done) << 1, (long) piece << 1);
    }
  }

  @Override
  public void copyFrom(IntArray source, long sourceIndex, long index, long count) {
    if (source instanceof ShortMappedIntArray mapped) {
      Bounds.check(sourceIndex, count, mapped.size);
      Bounds.check(index, count, size);
      file.copyFrom(mapped.file, sourceIndex << 1, index << 1, count << 1);
    } else {
      IntArray.super.copyFrom(source, sourceIndex, index, count);
    }
  }

  @Override
  public void close() {
    file.close();
  }
}
