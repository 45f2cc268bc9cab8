package org.hpq.hprof.store;

/** An {@link IntArray} stored in a {@link MappedFile}. */
final class MappedIntArray implements IntArray {
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
    check(index);
    return file.getInt(index << 2);
  }

  @Override
  public void set(long index, int value) {
    check(index);
    file.putInt(index << 2, value);
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
