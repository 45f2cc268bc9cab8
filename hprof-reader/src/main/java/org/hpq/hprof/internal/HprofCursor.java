package org.hpq.hprof.internal;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.lang.invoke.MethodHandles;
import java.lang.invoke.VarHandle;
import java.nio.ByteOrder;
import org.hpq.hprof.io.DumpSource;

/**
 * A buffered big-endian reader over a {@link DumpSource}, with a position that can be moved.
 * Reading past the end of the data throws {@link EndOfDataException}. Not thread-safe: each thread
 * uses its own cursor.
 *
 * <p>It keeps several buffer windows, least recently used replaced first, so that reading that
 * alternates between a few regions of the file (objects in id order, whose class dumps sit at the
 * start of the dump) stays sequential within each region instead of refilling one buffer on every
 * jump.
 */
public final class HprofCursor {
  private final DumpSource source;
  private final long length;
  private final byte[][] windows;
  private final long[] windowStarts;
  private final int[] windowLengths;
  private final long[] windowUse;
  private long useClock;
  private int window;
  private byte[] buffer;
  private long bufferStart;
  private int bufferLength;
  private int index;
  private int idSize = 8;

  private static final VarHandle BIG_ENDIAN_INT = MethodHandles.byteArrayViewVarHandle(int[].class, ByteOrder.BIG_ENDIAN);
  private static final VarHandle BIG_ENDIAN_LONG = MethodHandles.byteArrayViewVarHandle(long[].class, ByteOrder.BIG_ENDIAN);

  public HprofCursor(DumpSource source, int bufferSize) {
    this(source, bufferSize, 1);
  }

  /** A cursor with {@code windowCount} buffers of {@code bufferSize} bytes each. */
  public HprofCursor(DumpSource source, int bufferSize, int windowCount) {
    this.source = source;
    this.length = source.length();
    // A small dump needs no big buffers (tests open hundreds of them).
    int size = (int) Math.max(64, Math.min(bufferSize, length + 8));
    this.windows = new byte[windowCount][size];
    this.windowStarts = new long[windowCount];
    this.windowLengths = new int[windowCount];
    this.windowUse = new long[windowCount];
    this.buffer = windows[0];
  }

  public void idSize(int idSize) {
    this.idSize = idSize;
  }

  public int idSize() {
    return idSize;
  }

  public long length() {
    return length;
  }

  public long position() {
    return bufferStart + index;
  }

  /** The current buffer, for decoding in place; valid until the next read or seek. */
  byte[] buffer() {
    return buffer;
  }

  /** The index in {@link #buffer()} of the current position. */
  int bufferIndex() {
    return index;
  }

  /** How many bytes of {@link #buffer()} hold data. */
  int bufferLimit() {
    return bufferLength;
  }

  public long remaining() {
    return length - position();
  }

  /** Moves to {@code position}; keeps a buffer window that holds the position. */
  public void seek(long position) {
    if (position >= bufferStart && position <= bufferStart + bufferLength) {
      index = (int) (position - bufferStart);
      return;
    }
    windowStarts[window] = bufferStart;
    windowLengths[window] = bufferLength;
    int victim = 0;
    for (int w = 0; w < windows.length; w++) {
      if (position >= windowStarts[w] && position < windowStarts[w] + windowLengths[w]) {
        victim = w;
        break;
      }
      if (windowUse[w] < windowUse[victim]) {
        victim = w;
      }
    }
    window = victim;
    windowUse[victim] = ++useClock;
    buffer = windows[victim];
    if (position >= windowStarts[victim] && position < windowStarts[victim] + windowLengths[victim]) {
      bufferStart = windowStarts[victim];
      bufferLength = windowLengths[victim];
      index = (int) (position - bufferStart);
    } else {
      bufferStart = position;
      bufferLength = 0;
      index = 0;
    }
  }

  public void skip(long count) {
    seek(position() + count);
  }

  /** Makes at least {@code count} bytes available in the buffer (count at most the buffer). */
  private void require(int count) {
    if (index + count <= bufferLength) {
      return;
    }
    long start = bufferStart + index;
    if (start + count > length) {
      throw new EndOfDataException(start, count);
    }
    int kept = bufferLength - index;
    if (kept > 0) {
      System.arraycopy(buffer, index, buffer, 0, kept);
    } else {
      kept = 0;
    }
    bufferStart = start;
    index = 0;
    bufferLength = kept;
    try {
      while (bufferLength < count) {
        int read =
            source.read(
                bufferStart + bufferLength,
                buffer,
                bufferLength,
                (int) Math.min(buffer.length - bufferLength, length - bufferStart - bufferLength));
        if (read <= 0) {
          throw new EndOfDataException(start, count);
        }
        bufferLength += read;
      }
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  public int u1() {
    require(1);
    return buffer[index++] & 0xFF;
  }

  public int u2() {
    require(2);
    int value = ((buffer[index] & 0xFF) << 8) | (buffer[index + 1] & 0xFF);
    index += 2;
    return value;
  }

  /** A 4-byte signed value. */
  public int i4() {
    require(4);
    int i = index;
    index = i + 4;
    return (int) BIG_ENDIAN_INT.get(buffer, i);
  }

  /** A 4-byte unsigned value. */
  public long u4() {
    return i4() & 0xFFFF_FFFFL;
  }

  public long i8() {
    require(8);
    int i = index;
    index = i + 8;
    return (long) BIG_ENDIAN_LONG.get(buffer, i);
  }

  /** An identifier of the dump's id size, as an unsigned value in a long. */
  public long id() {
    return idSize == 8 ? i8() : u4();
  }

  /** Reads {@code count} bytes (count at most the buffer size). */
  /**
   * The id at {@code position}; afterwards the cursor is at an unspecified place (seek before
   * reading on). Decodes straight from the buffer when the id is in it.
   */
  public long idAt(long position) {
    long relative = position - bufferStart;
    if (relative >= 0 && relative + idSize <= bufferLength) {
      int i = (int) relative;
      return idSize == 4 ? (int) BIG_ENDIAN_INT.get(buffer, i) & 0xFFFF_FFFFL : (long) BIG_ENDIAN_LONG.get(buffer, i);
    }
    seek(position);
    return id();
  }

  public byte[] bytes(int count) {
    byte[] result = new byte[count];
    int done = 0;
    while (done < count) {
      int chunk = Math.min(count - done, buffer.length);
      require(chunk);
      System.arraycopy(buffer, index, result, done, chunk);
      index += chunk;
      done += chunk;
    }
    return result;
  }

  /** Reads a value of basic type {@code tag} as raw bits (floats and doubles as their bits). */
  public long value(int tag) {
    switch (tag) {
      case 2:
        return id();
      case 4:
      case 8:
        return (byte) u1();
      case 5:
        return u2();
      case 9:
        return (short) u2();
      case 6:
      case 10:
        return i4();
      case 7:
      case 11:
        return i8();
      default:
        throw new IllegalArgumentException("basic type " + tag);
    }
  }

  /** Thrown when a read needs bytes past the end of the data. */
  public static final class EndOfDataException extends RuntimeException {
    private final long position;

    EndOfDataException(long position, int count) {
      super(count + " bytes needed at offset 0x" + Long.toHexString(position) + ", past the end");
      this.position = position;
    }

    public long position() {
      return position;
    }
  }
}
