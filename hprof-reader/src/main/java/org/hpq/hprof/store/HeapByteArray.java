package org.hpq.hprof.store;

/** A {@link ByteArray} on the Java heap. */
final class HeapByteArray implements ByteArray {
  private final byte[] values;

  HeapByteArray(byte[] values) {
    this.values = values;
  }

  @Override
  public long size() {
    return values.length;
  }

  @Override
  public byte get(long index) {
    return values[Math.toIntExact(index)];
  }

  @Override
  public void set(long index, byte value) {
    values[Math.toIntExact(index)] = value;
  }

  @Override
  public void set(long index, byte[] from, int offset, int count) {
    Bounds.check(index, count, values.length, offset, from.length);
    System.arraycopy(from, offset, values, (int) index, count);
  }
}
