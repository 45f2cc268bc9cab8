package org.hpq.hprof.io;

import java.io.DataInputStream;
import java.io.DataOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.charset.StandardCharsets;
import java.nio.file.AccessDeniedException;
import java.nio.file.AtomicMoveNotSupportedException;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.StandardOpenOption;
import java.util.Arrays;
import java.util.Objects;
import java.util.zip.GZIPInputStream;
import org.hpq.hprof.io.internal.CacheNames;
import org.hpq.hprof.io.internal.GzipHeader;
import org.hpq.hprof.io.internal.Hex;
import org.hpq.hprof.io.internal.MemberScanner;

/**
 * Opens a heap dump whatever its container, recognized by its first bytes: a plain HPROF file
 * ({@code JAVA PROFILE 1.0.x}), the JDK's chunked gzip ({@code 1f 8b} with the comment {@code HPROF
 * BLOCKSIZE=n}) or any other gzip holding an HPROF dump.
 *
 * <pre>{@code
 * try (DumpSource source = DumpSources.open(Path.of("app.hprof.gz"), cacheDirectory)) {
 *   byte[] header = new byte[18];
 *   source.read(0, header, 0, header.length); // "JAVA PROFILE 1.0.2"
 * }
 * }</pre>
 */
public final class DumpSources {
  private static final byte[] HPROF_MAGIC = "JAVA PROFILE ".getBytes(StandardCharsets.US_ASCII);
  private static final int HEAD_BYTES = 1 << 16;
  private static final int SHOWN_BYTES = 16;
  private static final String INDEX_SUFFIX = ".gzindex";

  private DumpSources() {}

  /**
   * Opens {@code dump} read-only as a {@link DumpSource}: a {@link FileDumpSource} for a plain
   * dump, a {@link ChunkedGzipSource} for a chunked gzip one (its member index is saved in {@code
   * cacheDirectory} and reused while the file is unchanged), and an inflated copy in {@code
   * cacheDirectory} for any other gzip ({@link InflatedGzipSource}). The source's {@code name()} is
   * always {@code dump}.
   *
   * @throws NoSuchFileException if {@code dump} does not exist
   * @throws AccessDeniedException if it cannot be read
   * @throws UnknownDumpFormatException if it is neither HPROF nor gzip holding HPROF
   * @throws CorruptGzipException if it is gzip but malformed
   * @throws IOException if reading fails or the cache cannot be written
   */
  public static DumpSource open(Path dump, Path cacheDirectory) throws IOException {
    Objects.requireNonNull(cacheDirectory, "cacheDirectory");
    return switch (detect(dump)) {
      case HPROF -> FileDumpSource.open(dump);
      case CHUNKED_GZIP -> openChunked(dump, cacheDirectory);
      case GZIP -> InflatedGzipSource.open(dump, cacheDirectory);
    };
  }

  /**
   * Which container {@code dump} is, from its first bytes (for gzip, also the first inflated bytes,
   * which must start an HPROF dump).
   *
   * @throws NoSuchFileException if {@code dump} does not exist
   * @throws AccessDeniedException if it cannot be read
   * @throws UnknownDumpFormatException if it is neither HPROF nor gzip holding HPROF; the message
   *     shows the first bytes found
   * @throws CorruptGzipException if it is gzip but its start is malformed
   */
  public static DumpFormat detect(Path dump) throws IOException {
    byte[] head = readHead(dump);
    if (head.length == 0) {
      throw new UnknownDumpFormatException(dump, "the file is empty");
    }
    if (startsWith(head, HPROF_MAGIC)) {
      return DumpFormat.HPROF;
    }
    if (head.length >= 2
        && (head[0] & 0xff) == GzipHeader.MAGIC_FIRST
        && (head[1] & 0xff) == GzipHeader.MAGIC_SECOND) {
      GzipHeader header;
      try {
        header = GzipHeader.parseOrNull(head, 0, head.length);
      } catch (IllegalArgumentException e) {
        throw new CorruptGzipException(dump, 0, e.getMessage());
      }
      if (header == null) {
        throw new CorruptGzipException(dump, 0, "truncated: the file ends inside the gzip header");
      }
      byte[] plainHead = inflatedHead(dump);
      if (!startsWith(plainHead, HPROF_MAGIC)) {
        throw new UnknownDumpFormatException(
            dump,
            "a gzip file whose content starts with "
                + Hex.describe(plainHead, 0, plainHead.length));
      }
      String comment = header.comment();
      return comment != null && comment.startsWith(MemberScanner.COMMENT_PREFIX)
          ? DumpFormat.CHUNKED_GZIP
          : DumpFormat.GZIP;
    }
    throw new UnknownDumpFormatException(
        dump, "starts with " + Hex.describe(head, 0, Math.min(head.length, SHOWN_BYTES)));
  }

  private static byte[] readHead(Path dump) throws IOException {
    if (Files.isDirectory(dump)) {
      throw new IOException(dump + ": is a directory, not a heap dump file");
    }
    try (FileChannel channel = FileChannel.open(dump, StandardOpenOption.READ)) {
      ByteBuffer head = ByteBuffer.allocate((int) Math.min(channel.size(), HEAD_BYTES));
      while (head.hasRemaining() && channel.read(head) > 0) {
        // Read until full or at the end.
      }
      return Arrays.copyOf(head.array(), head.position());
    } catch (NoSuchFileException e) {
      throw new NoSuchFileException(dump.toString(), null, "no such heap dump file");
    } catch (AccessDeniedException e) {
      throw new AccessDeniedException(dump.toString(), null, "cannot read the heap dump file");
    }
  }

  private static byte[] inflatedHead(Path dump) throws IOException {
    try (InputStream input = new GZIPInputStream(Files.newInputStream(dump))) {
      return input.readNBytes(SHOWN_BYTES);
    } catch (IOException e) {
      throw new CorruptGzipException(dump, 0, "cannot inflate its start: " + e.getMessage());
    }
  }

  private static boolean startsWith(byte[] bytes, byte[] prefix) {
    return bytes.length >= prefix.length
        && Arrays.equals(bytes, 0, prefix.length, prefix, 0, prefix.length);
  }

  /** Opens a chunked gzip dump with its saved member index when there is a current one. */
  private static ChunkedGzipSource openChunked(Path dump, Path cacheDirectory) throws IOException {
    Path saved = cacheDirectory.resolve(CacheNames.stem(dump) + INDEX_SUFFIX);
    if (Files.isRegularFile(saved)) {
      try (DataInputStream input = new DataInputStream(Files.newInputStream(saved))) {
        return ChunkedGzipSource.open(dump, ChunkedGzipIndex.readFrom(input));
      } catch (IOException e) {
        // A damaged or mismatched saved index is only a cache miss: index again below.
        Files.deleteIfExists(saved);
      }
    }
    ChunkedGzipSource source = ChunkedGzipSource.open(dump);
    saveIndex(source.index(), saved);
    return source;
  }

  /**
   * Saves the index under a temporary name then renames it. Best effort: a cache directory that
   * cannot be written only costs a rescan next time, so failures are ignored.
   */
  private static void saveIndex(ChunkedGzipIndex index, Path saved) {
    Path temporary = null;
    try {
      Files.createDirectories(saved.getParent());
      temporary = Files.createTempFile(saved.getParent(), saved.getFileName().toString(), ".part");
      try (OutputStream file = Files.newOutputStream(temporary);
          DataOutputStream output = new DataOutputStream(new java.io.BufferedOutputStream(file))) {
        index.writeTo(output);
      }
      try {
        Files.move(temporary, saved, StandardCopyOption.ATOMIC_MOVE);
      } catch (AtomicMoveNotSupportedException e) {
        Files.move(temporary, saved, StandardCopyOption.REPLACE_EXISTING);
      }
      temporary = null;
    } catch (IOException e) {
      // Ignored on purpose: see the method comment.
    } finally {
      if (temporary != null) {
        try {
          Files.deleteIfExists(temporary);
        } catch (IOException e) {
          // Nothing more to do for a temporary file we could not delete.
        }
      }
    }
  }
}
