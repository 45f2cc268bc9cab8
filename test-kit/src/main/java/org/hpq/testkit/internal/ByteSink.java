package org.hpq.testkit.internal;

import java.nio.charset.StandardCharsets;
import java.util.Arrays;

/**
 * A growable big-endian byte buffer with HPROF helpers (u1, u2, u4, u8, identifiers).
 *
 * <p>Not thread-safe.
 */
public final class ByteSink {
  private final int identifierSize;
  private byte[] bytes = new byte[256];
  private int size;

  /** A sink writing identifiers with {@code identifierSize} bytes (1 to 8). */
  public ByteSink(int identifierSize) {
    if (identifierSize < 1 || identifierSize > 8) {
      throw new IllegalArgumentException("identifier size must be 1..8: " + identifierSize);
    }
    this.identifierSize = identifierSize;
  }

  /** Bytes per identifier. */
  public int identifierSize() {
    return identifierSize;
  }

  /** Number of bytes written so far. */
  public int size() {
    return size;
  }

  /** Writes one byte (the low 8 bits of {@code value}). */
  public ByteSink u1(int value) {
    ensure(1);
    bytes[size++] = (byte) value;
    return this;
  }

  /** Writes the low 16 bits of {@code value}, big-endian. */
  public ByteSink u2(int value) {
    return unsigned(value, 2);
  }

  /** Writes the low 32 bits of {@code value}, big-endian. */
  public ByteSink u4(long value) {
    return unsigned(value, 4);
  }

  /** Writes {@code value} as 8 bytes, big-endian. */
  public ByteSink u8(long value) {
    return unsigned(value, 8);
  }

  /** Writes the low {@link #identifierSize()} bytes of {@code id}, big-endian. */
  public ByteSink id(long id) {
    return unsigned(id, identifierSize);
  }

  /** Writes raw bytes. */
  public ByteSink bytes(byte[] data) {
    return bytes(data, 0, data.length);
  }

  /** Writes {@code length} raw bytes of {@code data} from {@code offset}. */
  public ByteSink bytes(byte[] data, int offset, int length) {
    ensure(length);
    System.arraycopy(data, offset, bytes, size, length);
    size += length;
    return this;
  }

  /** Writes the text as UTF-8 without terminator or length. */
  public ByteSink utf8(String text) {
    return bytes(text.getBytes(StandardCharsets.UTF_8));
  }

  /** A copy of the bytes written so far. */
  public byte[] toByteArray() {
    return Arrays.copyOf(bytes, size);
  }

  /** A copy of {@code length} bytes from {@code offset}. */
  public byte[] copyOfRange(int offset, int length) {
    return Arrays.copyOfRange(bytes, offset, offset + length);
  }

  /** Appends {@code length} bytes of this sink from {@code offset} to {@code target}. */
  public void copyTo(ByteSink target, int offset, int length) {
    target.bytes(bytes, offset, length);
  }

  private ByteSink unsigned(long value, int byteCount) {
    ensure(byteCount);
    for (int shift = (byteCount - 1) * 8; shift >= 0; shift -= 8) {
      bytes[size++] = (byte) (value >>> shift);
    }
    return this;
  }

  private void ensure(int extra) {
    long needed = (long) size + extra;
    if (needed > Integer.MAX_VALUE - 16) {
      throw new IllegalStateException("synthetic HPROF larger than 2 GiB");
    }
    if (needed > bytes.length) {
      bytes = Arrays.copyOf(bytes, (int) Math.min(Integer.MAX_VALUE - 16, Math.max(needed, 2L * bytes.length)));
    }
  }
}
