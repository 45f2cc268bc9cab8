package org.hpq.testkit;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.zip.CRC32;
import java.util.zip.Deflater;
import java.util.zip.GZIPOutputStream;

/**
 * The two gzip forms an HPROF file comes in.
 *
 * <p>{@link #chunked} imitates {@code jcmd GC.heap_dump -gz=N} (JDK 15+, heapDumperCompression):
 * independent gzip members, each compressing one block of the plain file; the first member has
 * FLG.FCOMMENT set and the comment {@code HPROF BLOCKSIZE=<block size>}. Observed on JDK 17 and
 * 25: header bytes {@code 1f 8b 08 10 00000000 04 00} for the first member and {@code 1f 8b 08 00
 * 00000000 04 03} for the others. (JDK 21+ parallel dumps concatenate several such files, so real
 * files can have shorter blocks and more than one commented member; this writer does not.)
 */
public final class GzipFormats {
  /** The JDK's block size: 1 MiB. */
  public static final int JDK_BLOCK_SIZE = 1 << 20;

  private GzipFormats() {}

  /** One ordinary gzip member holding all of {@code plain}. */
  public static byte[] singleMember(byte[] plain) {
    ByteArrayOutputStream buffer = new ByteArrayOutputStream(plain.length / 4 + 64);
    try (GZIPOutputStream gzip = new GZIPOutputStream(buffer)) {
      gzip.write(plain);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
    return buffer.toByteArray();
  }

  /**
   * The JDK's chunked form: one member per {@code blockSize} bytes of {@code plain} (the last one
   * shorter; one empty member for empty input).
   */
  public static byte[] chunked(byte[] plain, int blockSize) {
    if (blockSize < 1) {
      throw new IllegalArgumentException("block size must be positive: " + blockSize);
    }
    ByteArrayOutputStream buffer = new ByteArrayOutputStream(plain.length / 4 + 64);
    int offset = 0;
    do {
      int length = Math.min(blockSize, plain.length - offset);
      writeMember(buffer, plain, offset, length, offset == 0 ? "HPROF BLOCKSIZE=" + blockSize : null);
      offset += length;
    } while (offset < plain.length);
    return buffer.toByteArray();
  }

  /**
   * Imitates a JDK 21+ parallel {@code -gz} dump: {@code plain} is cut at {@code partBoundaries}
   * (increasing offsets) and each part is compressed by {@link #chunked} on its own, then the parts
   * are concatenated. So members can hold less than a block, and every part's first member carries
   * the {@code HPROF BLOCKSIZE} comment (observed on JDK 25: the main file's last member is short
   * and the appended per-thread segment files start with a commented member).
   */
  public static byte[] chunkedInParts(byte[] plain, int blockSize, int... partBoundaries) {
    ByteArrayOutputStream buffer = new ByteArrayOutputStream(plain.length / 4 + 64);
    int start = 0;
    for (int i = 0; i <= partBoundaries.length; i++) {
      int end = i < partBoundaries.length ? partBoundaries[i] : plain.length;
      if (end < start || end > plain.length) {
        throw new IllegalArgumentException("part boundaries must increase within the data");
      }
      buffer.writeBytes(chunked(java.util.Arrays.copyOfRange(plain, start, end), blockSize));
      start = end;
    }
    return buffer.toByteArray();
  }

  private static void writeMember(
      ByteArrayOutputStream buffer, byte[] plain, int offset, int length, String comment) {
    buffer.write(0x1f);
    buffer.write(0x8b);
    buffer.write(8); // CM = deflate
    buffer.write(comment != null ? 0x10 : 0); // FLG.FCOMMENT
    buffer.writeBytes(new byte[4]); // MTIME = 0
    buffer.write(4); // XFL: fastest
    buffer.write(comment != null ? 0 : 3); // OS, as the JDK writes it
    if (comment != null) {
      buffer.writeBytes(comment.getBytes(StandardCharsets.ISO_8859_1));
      buffer.write(0);
    }
    Deflater deflater = new Deflater(Deflater.BEST_SPEED, true);
    try {
      deflater.setInput(plain, offset, length);
      deflater.finish();
      byte[] chunk = new byte[64 * 1024];
      while (!deflater.finished()) {
        int produced = deflater.deflate(chunk);
        buffer.write(chunk, 0, produced);
      }
    } finally {
      deflater.end();
    }
    CRC32 crc = new CRC32();
    crc.update(plain, offset, length);
    writeLittleEndian(buffer, crc.getValue());
    writeLittleEndian(buffer, length);
  }

  private static void writeLittleEndian(ByteArrayOutputStream buffer, long value) {
    for (int i = 0; i < 4; i++) {
      buffer.write((int) (value >>> (8 * i)) & 0xFF);
    }
  }
}
