package org.hpq.hprof.io;

import java.util.Objects;

/**
 * A dump held in a byte array, e.g. one made by a test writer. Does not copy the array: the caller
 * must not change it afterwards. Safe for concurrent reads.
 */
public final class ByteArrayDumpSource implements DumpSource {
  private final byte[] bytes;
  private final String name;

  private ByteArrayDumpSource(byte[] bytes, String name) {
    this.bytes = bytes;
    this.name = name;
  }

  /** A source over {@code bytes}, called {@code name} in messages. */
  public static ByteArrayDumpSource of(byte[] bytes, String name) {
    return new ByteArrayDumpSource(
        Objects.requireNonNull(bytes, "bytes"), Objects.requireNonNull(name, "name"));
  }

  @Override
  public long length() {
    return bytes.length;
  }

  @Override
  public int read(long offset, byte[] target, int targetOffset, int length) {
    Objects.checkFromIndexSize(targetOffset, length, target.length);
    if (offset < 0) {
      throw new IllegalArgumentException("negative offset " + offset + " in " + name);
    }
    if (offset >= bytes.length) {
      return -1;
    }
    int count = (int) Math.min(length, bytes.length - offset);
    System.arraycopy(bytes, (int) offset, target, targetOffset, count);
    return count;
  }

  @Override
  public String name() {
    return name;
  }

  @Override
  public void close() {
    // Nothing to release.
  }
}
