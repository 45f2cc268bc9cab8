package org.hpq.hprof.io.internal;

import java.nio.charset.StandardCharsets;
import java.util.zip.CRC32;

/**
 * The header of one gzip member (RFC 1952, section 2.3): {@code 1f 8b}, method 8 (deflate), flags,
 * mtime, extra flags, OS, then the optional extra field, file name, comment and header CRC16.
 *
 * @param length bytes the header takes; the deflate data starts right after it
 * @param comment the FCOMMENT text decoded as ISO 8859-1, or {@code null} when absent
 */
public record GzipHeader(int length, String comment) {
  /** First two bytes of every gzip member. */
  public static final int MAGIC_FIRST = 0x1f;

  public static final int MAGIC_SECOND = 0x8b;

  /** Compression method 8, deflate: the only one defined. */
  public static final int METHOD_DEFLATE = 8;

  private static final int FIXED_LENGTH = 10;
  private static final int FLAG_HEADER_CRC = 0x02;
  private static final int FLAG_EXTRA = 0x04;
  private static final int FLAG_NAME = 0x08;
  private static final int FLAG_COMMENT = 0x10;
  private static final int FLAGS_RESERVED = 0xe0;

  /** True when {@code bytes[offset..]} can start a member: magic, method 8, no reserved flags. */
  public static boolean looksLikeStart(byte[] bytes, int offset, int available) {
    return available >= 4
        && (bytes[offset] & 0xff) == MAGIC_FIRST
        && (bytes[offset + 1] & 0xff) == MAGIC_SECOND
        && bytes[offset + 2] == METHOD_DEFLATE
        && (bytes[offset + 3] & FLAGS_RESERVED) == 0;
  }

  /**
   * Parses the header at {@code bytes[offset, offset + available)}.
   *
   * @return the header, or {@code null} when those bytes end before the header does
   * @throws IllegalArgumentException when the bytes are not a gzip header; the message says why
   */
  public static GzipHeader parseOrNull(byte[] bytes, int offset, int available) {
    int end = offset + available;
    if (available >= 2
        && ((bytes[offset] & 0xff) != MAGIC_FIRST || (bytes[offset + 1] & 0xff) != MAGIC_SECOND)) {
      throw new IllegalArgumentException(
          "no gzip header (1f 8b) but " + Hex.describe(bytes, offset, Math.min(available, 8)));
    }
    if (available >= 3 && bytes[offset + 2] != METHOD_DEFLATE) {
      throw new IllegalArgumentException(
          "compression method " + (bytes[offset + 2] & 0xff) + ", expected 8 (deflate)");
    }
    int flags = available >= 4 ? bytes[offset + 3] & 0xff : 0;
    if ((flags & FLAGS_RESERVED) != 0) {
      throw new IllegalArgumentException(
          "reserved header flag bits set: 0x" + Integer.toHexString(flags));
    }
    if (available < FIXED_LENGTH) {
      return null;
    }
    int position = offset + FIXED_LENGTH;
    if ((flags & FLAG_EXTRA) != 0) {
      if (position + 2 > end) {
        return null;
      }
      int extraLength = (bytes[position] & 0xff) | (bytes[position + 1] & 0xff) << 8;
      position += 2 + extraLength;
      if (position > end) {
        return null;
      }
    }
    if ((flags & FLAG_NAME) != 0) {
      position = afterZero(bytes, position, end);
      if (position < 0) {
        return null;
      }
    }
    String comment = null;
    if ((flags & FLAG_COMMENT) != 0) {
      int afterComment = afterZero(bytes, position, end);
      if (afterComment < 0) {
        return null;
      }
      comment =
          new String(bytes, position, afterComment - 1 - position, StandardCharsets.ISO_8859_1);
      position = afterComment;
    }
    if ((flags & FLAG_HEADER_CRC) != 0) {
      if (position + 2 > end) {
        return null;
      }
      CRC32 crc = new CRC32();
      crc.update(bytes, offset, position - offset);
      int stored = (bytes[position] & 0xff) | (bytes[position + 1] & 0xff) << 8;
      if (stored != (int) (crc.getValue() & 0xffff)) {
        throw new IllegalArgumentException("header CRC16 mismatch");
      }
      position += 2;
    }
    return new GzipHeader(position - offset, comment);
  }

  /** Index just past the next zero byte at or after {@code position}, or -1 if none before end. */
  private static int afterZero(byte[] bytes, int position, int end) {
    for (int i = position; i < end; i++) {
      if (bytes[i] == 0) {
        return i + 1;
      }
    }
    return -1;
  }
}
