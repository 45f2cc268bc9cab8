package org.hpq.hprof.store;

import java.util.Objects;

/** An {@link IntArray} stored in a {@link MappedFile}. */
final class MappedIntArray implements IntArray {
  private static final long ARRAY_BASE = Memory.UNSAFE.arrayBaseOffset(int[].class);

  private final MappedFile file;
  private final long size;

  MappedIntArray(MappedFile file, long size) {
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
    return file.getInt(index << 2);
  }

  @Override
  public void set(long index, int value) {
    Objects.checkIndex(index, size);
    file.putInt(index << 2, value);
  }

  @Override
  public void get(long index, int[] into, int offset, int count) {
    Bounds.check(index, count, size, offset, into.length);
    file.copyToArray(index << 2, into, ARRAY_BASE + ((long) offset << 2), (long) count << 2);
  }

  @Override
  public void set(long index, int[] from, int offset, int count) {
    Bounds.check(index, count, size, offset, from.length);
    file.copyFromArray(from, ARRAY_BASE + ((long) offset << 2), index << 2, (long) count << 2);
  }

  @Override
  public void copyFrom(IntArray source, long sourceIndex, long index, long count) {
    if (source instanceof MappedIntArray mapped) {
      Bounds.check(sourceIndex, count, mapped.size);
      Bounds.check(index, count, size);
      file.copyFrom(mapped.file, sourceIndex << 2, index << 2, count << 2);
    } else if (source instanceof HeapIntArray heap) {
      Bounds.check(sourceIndex, count, heap.size());
      set(index, heap.values(), Math.toIntExact(sourceIndex), Math.toIntExact(count));
    } else {
      IntArray.super.copyFrom(source, sourceIndex, index, count);
    }
  }

  @Override
  public void fill(long from, long to, int value) {
    Bounds.check(from, to - from, size);
    if (value == 0 || value == -1) {
      file.setBytes(from << 2, (to - from) << 2, (byte) value);
    } else {
      for (long i = from; i < to; i++) {
        file.putInt(i << 2, value);
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
