package org.hpq.hprof.store;

/** A {@link ByteArray} stored in a {@link MappedFile}. */
final class MappedByteArray implements ByteArray {
  private final MappedFile file;
  private final long size;

  MappedByteArray(MappedFile file, long size) {
    this.file = file;
    this.size = size;
  }

  @Override
  public long size() {
    return size;
  }

  @Override
  public byte get(long index) {
    if (index < 0 || index >= size) {
      throw new IndexOutOfBoundsException("index " + index + " of " + size);
    }
    return file.getByte(index);
  }

  @Override
  public void set(long index, byte value) {
    if (index < 0 || index >= size) {
      throw new IndexOutOfBoundsException("index " + index + " of " + size);
    }
    file.putByte(index, value);
  }

  @Override
  public void set(long index, byte[] from, int offset, int count) {
    Bounds.check(index, count, size, offset, from.length);
    file.copyFromArray(from, Memory.UNSAFE.arrayBaseOffset(byte[].class) + offset, index, count);
  }

  MappedFile file() {
    return file;
  }

  @Override
  public void close() {
    file.close();
  }
}
