package org.hpq.hprof.store;

import java.util.Objects;

/**
 * An {@link IntArray} of values from -32768 to 32767 in 2 bytes each, in a {@link MappedFile}; it
 * refuses other values with an {@link IllegalArgumentException}. For scratch columns whose owner
 * keeps its values that small, such as the build's outbound labels.
 */
final class ShortMappedIntArray implements IntArray {
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

  @Override
  public void get(long index, int[] into, int offset, int count) {
    Bounds.check(index, count, size, offset, into.length);
    for (int k = 0; k < count; k++) {
      into[offset + k] = (short) file.getChar((index + k) << 1);
    }
  }

  @Override
  public void close() {
    file.close();
  }
}
