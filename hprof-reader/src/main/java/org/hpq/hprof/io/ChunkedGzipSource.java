package org.hpq.hprof.io;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.channels.ClosedChannelException;
import java.nio.file.Path;
import java.util.Objects;
import java.util.function.LongConsumer;
import java.util.stream.IntStream;
import org.hpq.hprof.io.internal.GzipHeader;
import org.hpq.hprof.io.internal.MemberBlocks;
import org.hpq.hprof.io.internal.MemberScanner;

/**
 * The plain bytes of a JDK chunked gzip dump ({@code jcmd PID GC.heap_dump -gz=N FILE}, JDK 15+),
 * read at random offsets through a {@link ChunkedGzipIndex} of its members. The gzip file is opened
 * read-only.
 *
 * <p>A read inflates each member it touches, checking its CRC32, several at once on the common
 * fork-join pool: members the read covers whole straight into the caller's array, partly covered
 * ones through a small LRU cache of inflated blocks (16 MiB), so sequential reads of any size and
 * small reads near each other inflate each member about once. A read that starts where the previous
 * one ended also starts inflating the members of the next read of the same size in the background,
 * so a sequential scan overlaps its own work with inflating.
 *
 * <p>Safe for concurrent reads. Reads after {@link #close()} throw {@link ClosedChannelException}.
 */
public final class ChunkedGzipSource implements DumpSource {
  private static final long CACHE_BYTES = 16L << 20;
  private static final int MIN_CACHE_BLOCKS = 4;

  private final Path path;
  private final FileDumpSource compressed;
  private final ChunkedGzipIndex index;
  private final MemberBlocks blocks;
  private volatile boolean closed;

  /** Where the last read ended: a read starting there is taken as part of a sequential scan. */
  private volatile long lastReadEnd;

  private ChunkedGzipSource(Path path, FileDumpSource compressed, ChunkedGzipIndex index) {
    this.path = path;
    this.compressed = compressed;
    this.index = index;
    this.blocks =
        new MemberBlocks(
            compressed,
            path,
            index,
            (int) Math.max(MIN_CACHE_BLOCKS, CACHE_BYTES / index.blockSize()));
  }

  /**
   * Opens a chunked gzip dump, indexing its members first: one pass inflating the whole file on all
   * cores, checking every member. Interrupting the thread stops it.
   *
   * @throws CorruptGzipException if the file is not the chunked format or a member is bad
   * @throws java.io.InterruptedIOException if the thread is interrupted
   */
  public static ChunkedGzipSource open(Path path) throws IOException {
    return open(path, bytes -> {});
  }

  /**
   * Like {@link #open(Path)}, telling {@code progress} the compressed bytes indexed so far (at most
   * a few hundred times, possibly from another thread, never concurrently).
   */
  public static ChunkedGzipSource open(Path path, LongConsumer progress) throws IOException {
    Objects.requireNonNull(progress, "progress");
    FileDumpSource compressed = openCompressed(path);
    try {
      int threads = Runtime.getRuntime().availableProcessors();
      ChunkedGzipIndex index = MemberScanner.scan(compressed, path, threads, progress);
      return new ChunkedGzipSource(path, compressed, index);
    } catch (IOException | RuntimeException e) {
      compressed.close();
      throw e;
    }
  }

  /**
   * Opens a chunked gzip dump with an index saved from an earlier {@link #index()}, without
   * rescanning. Checks cheaply that the index fits the file (length, block size, a gzip header at
   * each member offset); members are still CRC-checked whenever they are inflated.
   *
   * @throws IOException if the file cannot be read or the index does not fit it
   */
  public static ChunkedGzipSource open(Path path, ChunkedGzipIndex savedIndex) throws IOException {
    Objects.requireNonNull(savedIndex, "savedIndex");
    FileDumpSource compressed = openCompressed(path);
    try {
      if (compressed.length() != savedIndex.compressedLength()) {
        throw new IOException(
            path
                + ": the saved member index is for a file of "
                + savedIndex.compressedLength()
                + " bytes, the file has "
                + compressed.length()
                + ": it changed since it was indexed");
      }
      int blockSize = MemberScanner.readBlockSize(compressed, path);
      if (blockSize != savedIndex.blockSize()) {
        throw new IOException(
            path
                + ": the saved member index has block size "
                + savedIndex.blockSize()
                + ", the file says "
                + blockSize);
      }
      byte[] start = new byte[4];
      for (int member = 0; member < savedIndex.memberCount(); member++) {
        long offset = savedIndex.memberOffset(member);
        int read = compressed.read(offset, start, 0, start.length);
        if (!GzipHeader.looksLikeStart(start, 0, read)) {
          throw new CorruptGzipException(
              path,
              offset,
              "the saved member index puts member " + member + " here, but no gzip header is here");
        }
      }
      return new ChunkedGzipSource(path, compressed, savedIndex);
    } catch (IOException | RuntimeException e) {
      compressed.close();
      throw e;
    }
  }

  private static FileDumpSource openCompressed(Path path) throws IOException {
    return FileDumpSource.open(
        path, path.toString(), DumpFormat.CHUNKED_GZIP, FileDumpSource.SEGMENT_SHIFT);
  }

  /** The member index, to persist and pass to {@link #open(Path, ChunkedGzipIndex)} later. */
  public ChunkedGzipIndex index() {
    return index;
  }

  @Override
  public long length() {
    return index.plainLength();
  }

  @Override
  public int read(long offset, byte[] target, int targetOffset, int length) throws IOException {
    Objects.checkFromIndexSize(targetOffset, length, target.length);
    if (offset < 0) {
      throw new IllegalArgumentException("negative offset " + offset + " in " + name());
    }
    if (closed) {
      throw new ClosedChannelException();
    }
    if (offset >= index.plainLength()) {
      return -1;
    }
    int count = (int) Math.min(length, index.plainLength() - offset);
    if (count == 0) {
      return 0;
    }
    long end = offset + count;
    boolean sequential = offset == lastReadEnd;
    int first = index.memberContaining(offset);
    int last = index.memberContaining(end - 1);
    int[] toInflate = new int[last - first + 1];
    int inflateCount = 0;
    for (int member = first; member <= last; member++) {
      byte[] ready = blocks.readyOrNull(member);
      if (ready != null) {
        copyPart(member, ready, offset, end, target, targetOffset);
      } else {
        toInflate[inflateCount++] = member;
      }
    }
    if (inflateCount == 1) {
      inflatePart(toInflate[0], offset, end, target, targetOffset);
    } else if (inflateCount > 1) {
      // Members are independent: inflate them on several cores (the caller's thread included).
      try {
        IntStream.range(0, inflateCount)
            .parallel()
            .forEach(
                i -> {
                  try {
                    inflatePart(toInflate[i], offset, end, target, targetOffset);
                  } catch (IOException e) {
                    throw new UncheckedIOException(e);
                  }
                });
      } catch (UncheckedIOException e) {
        throw e.getCause();
      }
    }
    lastReadEnd = end;
    if (sequential && end < index.plainLength()) {
      // While the caller works on these bytes, inflate the next read's members on another core.
      int next = index.memberContaining(end);
      int nextLast = index.memberContaining(Math.min(index.plainLength(), end + count) - 1);
      blocks.prefetch(next, nextLast);
    }
    return count;
  }

  /**
   * Puts the part of member {@code member} inside plain range {@code [offset, end)} into {@code
   * target}: inflated straight there when the range covers the whole member, else through the cache
   * (the next read probably wants the rest).
   */
  private void inflatePart(int member, long offset, long end, byte[] target, int targetOffset)
      throws IOException {
    long memberStart = index.plainOffset(member);
    if (memberStart >= offset && memberStart + index.plainSize(member) <= end) {
      blocks.inflateInto(member, target, targetOffset + (int) (memberStart - offset));
    } else {
      copyPart(member, blocks.block(member), offset, end, target, targetOffset);
    }
  }

  private void copyPart(
      int member, byte[] block, long offset, long end, byte[] target, int targetOffset) {
    long memberStart = index.plainOffset(member);
    long from = Math.max(offset, memberStart);
    long to = Math.min(end, memberStart + block.length);
    System.arraycopy(
        block,
        (int) (from - memberStart),
        target,
        targetOffset + (int) (from - offset),
        (int) (to - from));
  }

  @Override
  public String name() {
    return path.toString();
  }

  /** The gzip file. */
  public Path path() {
    return path;
  }

  /** Always {@link DumpFormat#CHUNKED_GZIP}. */
  public DumpFormat format() {
    return DumpFormat.CHUNKED_GZIP;
  }

  @Override
  public void close() {
    closed = true;
    blocks.close();
    compressed.close();
  }

  @Override
  public String toString() {
    return "ChunkedGzipSource[" + path + ", " + index + "]";
  }
}
