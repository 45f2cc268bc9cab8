package org.hpq.hprof.io;

import java.io.IOException;
import java.nio.file.Path;

/**
 * A gzip file that cannot be read: truncated, failing its CRC32 or length check, holding bytes that
 * are not a gzip member, or with an unusable {@code HPROF BLOCKSIZE} comment. The message names the
 * file and the compressed (file) offset of the bad member in hexadecimal, for example {@code
 * dump.hprof.gz: compressed offset 0x1f400: gzip member: CRC32 mismatch ...}.
 */
public final class CorruptGzipException extends IOException {
  private final transient Path file;
  private final long compressedOffset;

  /**
   * @param file the gzip file
   * @param compressedOffset file offset where the bad member (or the bad bytes) starts
   * @param problem what is wrong, without the file name or offset
   */
  public CorruptGzipException(Path file, long compressedOffset, String problem) {
    super(
        String.format(
            "%s: compressed offset 0x%x: gzip member: %s", file, compressedOffset, problem));
    this.file = file;
    this.compressedOffset = compressedOffset;
  }

  /** The gzip file. */
  public Path file() {
    return file;
  }

  /** File offset of the start of the bad member (or of the unexpected bytes). */
  public long compressedOffset() {
    return compressedOffset;
  }
}
