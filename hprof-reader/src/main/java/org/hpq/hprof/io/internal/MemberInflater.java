package org.hpq.hprof.io.internal;

import java.io.IOException;
import java.nio.file.Path;
import java.util.zip.CRC32;
import java.util.zip.DataFormatException;
import java.util.zip.Inflater;
import org.hpq.hprof.io.CorruptGzipException;
import org.hpq.hprof.io.DumpSource;

/**
 * Inflates one gzip member at a time from the compressed bytes of a file, checking everything RFC
 * 1952 allows to check: the header, the end of the raw deflate stream, the CRC32 and the ISIZE of
 * the trailer. Every problem is a {@link CorruptGzipException} naming the member's offset. Never
 * loops without progress and never allocates in proportion to what the data claims.
 *
 * <p>Holds a native {@link Inflater} and a window buffer; one thread at a time. {@link #close()}
 * frees the native memory.
 */
public final class MemberInflater implements AutoCloseable {
  private static final int TRAILER_LENGTH = 8;

  /** Receives inflated bytes when the output region is full, and at the end of the member. */
  @FunctionalInterface
  public interface Drain {
    void accept(byte[] buffer, int offset, int length) throws IOException;
  }

  private final DumpSource compressed;
  private final Path file;
  private final Inflater inflater = new Inflater(true);
  private final CRC32 crc = new CRC32();
  private final byte[] window;
  private final byte[] probe = new byte[1];
  private final byte[] trailer = new byte[TRAILER_LENGTH];

  /**
   * @param compressed the gzip file's bytes
   * @param file the gzip file, for messages
   * @param windowSize bytes of compressed data read at a time; also the largest header accepted
   */
  public MemberInflater(DumpSource compressed, Path file, int windowSize) {
    this.compressed = compressed;
    this.file = file;
    this.window = new byte[windowSize];
  }

  /**
   * Inflates the member whose header starts at {@code memberOffset} and which must end at or before
   * {@code limit}. Inflated bytes go to {@code output[outputOffset, outputOffset + capacity)}. With
   * a {@code drain}, each filled region and the last partial one are handed to it and the region is
   * reused; without one, inflating more than {@code capacity} bytes is an error.
   *
   * @return the member's extent; its {@code plainSize} is the number of bytes inflated
   * @throws CorruptGzipException if the member is malformed, truncated or fails a check
   * @throws IOException if reading the file fails
   */
  public MemberExtent inflate(
      long memberOffset, long limit, byte[] output, int outputOffset, int capacity, Drain drain)
      throws IOException {
    int available = readWindow(memberOffset, limit);
    GzipHeader header;
    try {
      header = GzipHeader.parseOrNull(window, 0, available);
    } catch (IllegalArgumentException e) {
      throw corrupt(memberOffset, e.getMessage());
    }
    if (header == null) {
      throw corrupt(
          memberOffset,
          available < window.length
              ? "truncated: the file ends inside the gzip header"
              : "gzip header longer than " + window.length + " bytes");
    }
    inflater.reset();
    crc.reset();
    int inputStart = header.length();
    int inputLength = available - header.length();
    long inputEnd = memberOffset + available;
    inflater.setInput(window, inputStart, inputLength);
    long total = 0;
    int filled = 0;
    try {
      while (true) {
        int produced;
        if (filled < capacity) {
          produced = inflater.inflate(output, outputOffset + filled, capacity - filled);
          crc.update(output, outputOffset + filled, produced);
          filled += produced;
          total += produced;
        } else if (drain != null) {
          drain.accept(output, outputOffset, filled);
          filled = 0;
          continue;
        } else {
          // The region is full: one more byte would mean the member is larger than allowed.
          produced = inflater.inflate(probe, 0, 1);
          if (produced > 0) {
            throw corrupt(memberOffset, "inflates to more than " + capacity + " bytes");
          }
        }
        if (inflater.finished()) {
          break;
        }
        if (produced == 0) {
          if (inflater.needsDictionary()) {
            throw corrupt(memberOffset, "deflate stream asks for a preset dictionary");
          }
          if (!inflater.needsInput()) {
            throw corrupt(memberOffset, "deflate stream makes no progress");
          }
          if (inputEnd >= limit) {
            throw corrupt(memberOffset, "truncated: the file ends inside the deflate data");
          }
          inputLength = readWindow(inputEnd, limit);
          if (inputLength == 0) {
            throw corrupt(memberOffset, "truncated: the file ends inside the deflate data");
          }
          inputStart = 0;
          inputEnd += inputLength;
          inflater.setInput(window, 0, inputLength);
        }
      }
    } catch (DataFormatException e) {
      throw corrupt(memberOffset, "invalid deflate data: " + e.getMessage());
    }
    if (drain != null && filled > 0) {
      drain.accept(output, outputOffset, filled);
    }
    int remaining = inflater.getRemaining();
    long deflateEnd = inputEnd - remaining;
    if (deflateEnd + TRAILER_LENGTH > limit) {
      throw corrupt(memberOffset, "truncated: the file ends inside the 8-byte trailer");
    }
    if (remaining >= TRAILER_LENGTH) {
      System.arraycopy(window, inputStart + inputLength - remaining, trailer, 0, TRAILER_LENGTH);
    } else {
      readFully(deflateEnd, trailer, memberOffset);
    }
    long storedCrc = littleEndianInt(trailer, 0);
    long storedSize = littleEndianInt(trailer, 4);
    if (storedCrc != crc.getValue()) {
      throw corrupt(
          memberOffset,
          String.format(
              "CRC32 mismatch: the trailer says %08x, the inflated data gives %08x",
              storedCrc, crc.getValue()));
    }
    if (storedSize != (total & 0xffffffffL)) {
      throw corrupt(
          memberOffset,
          "ISIZE mismatch: the trailer says "
              + storedSize
              + " bytes, the member inflates to "
              + total);
    }
    return new MemberExtent(memberOffset, deflateEnd + TRAILER_LENGTH, total, header.comment());
  }

  /** Fills the window from {@code offset} but not past {@code limit}; returns the bytes read. */
  private int readWindow(long offset, long limit) throws IOException {
    int wanted = (int) Math.min(window.length, limit - offset);
    int done = 0;
    while (done < wanted) {
      int read = compressed.read(offset + done, window, done, wanted - done);
      if (read <= 0) {
        break;
      }
      done += read;
    }
    return done;
  }

  private void readFully(long offset, byte[] target, long memberOffset) throws IOException {
    int done = 0;
    while (done < target.length) {
      int read = compressed.read(offset + done, target, done, target.length - done);
      if (read <= 0) {
        throw corrupt(memberOffset, "truncated: the file ends inside the 8-byte trailer");
      }
      done += read;
    }
  }

  private static long littleEndianInt(byte[] bytes, int offset) {
    return (bytes[offset] & 0xffL)
        | (bytes[offset + 1] & 0xffL) << 8
        | (bytes[offset + 2] & 0xffL) << 16
        | (bytes[offset + 3] & 0xffL) << 24;
  }

  private CorruptGzipException corrupt(long memberOffset, String problem) {
    return new CorruptGzipException(file, memberOffset, problem);
  }

  @Override
  public void close() {
    inflater.end();
  }
}
