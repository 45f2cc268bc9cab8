package org.hpq.hprof.store;

/** An {@link LongArray} stored in a {@link MappedFile}. */
final class MappedLongArray implements LongArray {
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
    check(index);
    return file.getLong(index << 3);
  }

  @Override
  public void set(long index, long value) {
    check(index);
    file.putLong(index << 3, value);
  }

  private void check(long index) {
    if (index < 0 || index >= size) {
      throw new IndexOutOfBoundsException("index " + index + " of " + size);
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
