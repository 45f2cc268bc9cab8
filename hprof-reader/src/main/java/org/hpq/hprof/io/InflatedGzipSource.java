package org.hpq.hprof.io;

import java.io.IOException;
import java.io.InterruptedIOException;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.file.AtomicMoveNotSupportedException;
import java.nio.file.DirectoryStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.StandardOpenOption;
import org.hpq.hprof.io.internal.CacheNames;
import org.hpq.hprof.io.internal.MemberExtent;
import org.hpq.hprof.io.internal.MemberInflater;

/**
 * Opens a gzip dump that has no member index (e.g. {@code gzip dump.hprof}, one member for the
 * whole file) through an inflated copy in a cache directory.
 *
 * <p>The copy is written under a temporary name, flushed to disk and then renamed atomically, so a
 * crash never leaves a half copy under the trusted name. Its name records the gzip file's name,
 * size, modification time and path ({@link CacheNames}); it is reused while those match, and older
 * copies of the same gzip file are deleted when a new one is made. Every member's CRC32 and ISIZE
 * is checked while inflating, and bytes after the last member are an error.
 */
public final class InflatedGzipSource {
  private static final int WINDOW_SIZE = 1 << 20;
  private static final int OUTPUT_SIZE = 1 << 20;
  private static final String SUFFIX = ".hprof";

  private InflatedGzipSource() {}

  /**
   * Returns a source over the inflated copy of {@code gzipFile}, making the copy in {@code
   * cacheDirectory} (created if needed) when there is no current one. The source's {@link
   * FileDumpSource#name()} is {@code gzipFile}; its format is {@link DumpFormat#GZIP}. Interrupting
   * the thread stops inflating and leaves no file behind.
   *
   * @throws CorruptGzipException if the gzip file is malformed, truncated or fails a check
   * @throws IOException if a file cannot be read or written
   */
  public static FileDumpSource open(Path gzipFile, Path cacheDirectory) throws IOException {
    Path copy = cachedCopy(gzipFile, cacheDirectory);
    if (!Files.isRegularFile(copy)) {
      Files.createDirectories(cacheDirectory);
      inflateTo(gzipFile, copy);
      deleteStaleCopies(gzipFile, copy);
    }
    return FileDumpSource.open(
        copy, gzipFile.toString(), DumpFormat.GZIP, FileDumpSource.SEGMENT_SHIFT);
  }

  /** Where the inflated copy of {@code gzipFile}, as it is now, lives in {@code cacheDirectory}. */
  public static Path cachedCopy(Path gzipFile, Path cacheDirectory) throws IOException {
    return cacheDirectory.resolve(CacheNames.stem(gzipFile) + SUFFIX);
  }

  private static void inflateTo(Path gzipFile, Path copy) throws IOException {
    Path temporary = Files.createTempFile(copy.getParent(), copy.getFileName().toString(), ".part");
    boolean done = false;
    try (FileDumpSource compressed = FileDumpSource.open(gzipFile);
        MemberInflater inflater = new MemberInflater(compressed, gzipFile, WINDOW_SIZE);
        FileChannel output = FileChannel.open(temporary, StandardOpenOption.WRITE)) {
      byte[] buffer = new byte[OUTPUT_SIZE];
      long position = 0;
      long length = compressed.length();
      if (length == 0) {
        throw new CorruptGzipException(gzipFile, 0, "the file is empty");
      }
      while (position < length) {
        MemberExtent member =
            inflater.inflate(
                position,
                length,
                buffer,
                0,
                buffer.length,
                (bytes, from, count) -> {
                  if (Thread.currentThread().isInterrupted()) {
                    throw new InterruptedIOException("inflating " + gzipFile + " was interrupted");
                  }
                  ByteBuffer slice = ByteBuffer.wrap(bytes, from, count);
                  while (slice.hasRemaining()) {
                    output.write(slice);
                  }
                });
        position = member.end();
      }
      output.force(true);
      moveAtomically(temporary, copy);
      done = true;
    } finally {
      if (!done) {
        Files.deleteIfExists(temporary);
      }
    }
  }

  private static void moveAtomically(Path from, Path to) throws IOException {
    try {
      Files.move(from, to, StandardCopyOption.ATOMIC_MOVE, StandardCopyOption.REPLACE_EXISTING);
    } catch (AtomicMoveNotSupportedException e) {
      Files.move(from, to, StandardCopyOption.REPLACE_EXISTING);
    }
  }

  /** Deletes copies made from earlier versions of the same gzip file; they can never be reused. */
  private static void deleteStaleCopies(Path gzipFile, Path current) throws IOException {
    String prefix = CacheNames.prefix(gzipFile);
    String name = current.getFileName().toString();
    String pathHash = name.substring(name.lastIndexOf('-'), name.length() - SUFFIX.length());
    try (DirectoryStream<Path> entries =
        Files.newDirectoryStream(current.getParent(), prefix + "*" + pathHash + SUFFIX)) {
      for (Path entry : entries) {
        if (!entry.equals(current)) {
          Files.deleteIfExists(entry);
        }
      }
    }
  }
}
