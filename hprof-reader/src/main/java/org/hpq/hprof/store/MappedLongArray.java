package org.hpq.hprof.store;

import java.util.Objects;

/** An {@link LongArray} stored in a {@link MappedFile}. */
final class MappedLongArray implements LongArray {
  private static final long ARRAY_BASE = Memory.UNSAFE.arrayBaseOffset(long[].class);

  private final MappedFile file;
  private final long size;

  MappedLongArray(MappedFile file, long size) {
    this.file = file;
    this.size = size;
  }

  @Override
  public long size() {
    return size;
  }

  @Override
  public long get(long index) {
    Objects.checkIndex(index, size);
    return file.getLong(index << 3);
  }

  @Override
  public void set(long index, long value) {
    Objects.checkIndex(index, size);
    file.putLong(index << 3, value);
  }

  @Override
  public void get(long index, long[] into, int offset, int count) {
    Bounds.check(index, count, size, offset, into.length);
    file.copyToArray(index << 3, into, ARRAY_BASE + ((long) offset << 3), (long) count << 3);
  }

  @Override
  public void set(long index, long[] from, int offset, int count) {
    Bounds.check(index, count, size, offset, from.length);
    file.copyFromArray(from, ARRAY_BASE + ((long) offset << 3), index << 3, (long) count << 3);
  }

  @Override
  public void copyFrom(LongArray source, long sourceIndex, long index, long count) {
    if (source instanceof MappedLongArray mapped) {
      Bounds.check(sourceIndex, count, mapped.size);
      Bounds.check(index, count, size);
      file.copyFrom(mapped.file, sourceIndex << 3, index << 3, count << 3);
    } else if (source instanceof HeapLongArray heap) {
      Bounds.check(sourceIndex, count, heap.size());
      set(index, heap.values(), Math.toIntExact(sourceIndex), Math.toIntExact(count));
    } else {
      LongArray.super.copyFrom(source, sourceIndex, index, count);
    }
  }

  @Override
  public void fill(long from, long to, long value) {
    Bounds.check(from, to - from, size);
    if (value == 0 || value == -1) {
      file.setBytes(from << 3, (to - from) << 3, (byte) value);
    } else {
      for (long i = from; i < to; i++) {
        file.putLong(i << 3, value);
      }
    }
  }

  MappedFile file() {
    return file;
  }

  @Override
  public void close() {
    file.close();
  }
}
