package org.hpq.hprof.io;

import java.io.IOException;
import java.nio.MappedByteBuffer;
import java.nio.channels.ClosedChannelException;
import java.nio.channels.FileChannel;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.Objects;

/**
 * A plain file read through a read-only memory mapping in segments of 1 GiB, so files of any size
 * can be read with one copy and no system call per read. The file is opened read-only and never
 * written. Safe for concurrent reads.
 *
 * <p>Chosen over {@code FileChannel} positional reads after measuring (warm page cache, 1.5 GiB
 * file): 4 MiB sequential reads 9.9 GB/s mapped against 4.9 GB/s positional, random 16-byte reads
 * 0.4 us mapped against 1.3 us positional.
 *
 * <p>{@link #close()} drops the mapping; the memory is unmapped by the garbage collector once no
 * read still uses it (never forcibly, so a read racing with close cannot crash the JVM). Reads
 * after close throw {@link ClosedChannelException}.
 */
public final class FileDumpSource implements DumpSource {
  static final int SEGMENT_SHIFT = 30;

  private final Path path;
  private final String name;
  private final DumpFormat format;
  private final long length;
  private final int segmentShift;
  private final long segmentMask;
  private volatile MappedByteBuffer[] segments;

  private FileDumpSource(
      Path path,
      String name,
      DumpFormat format,
      long length,
      int segmentShift,
      MappedByteBuffer[] segments) {
    this.path = path;
    this.name = name;
    this.format = format;
    this.length = length;
    this.segmentShift = segmentShift;
    this.segmentMask = (1L << segmentShift) - 1;
    this.segments = segments;
  }

  /**
   * Opens a plain HPROF file read-only; {@link #name()} is the path.
   *
   * @throws java.nio.file.NoSuchFileException if there is no such file
   * @throws IOException if the file cannot be opened or mapped
   */
  public static FileDumpSource open(Path path) throws IOException {
    return open(path, path.toString(), DumpFormat.HPROF, SEGMENT_SHIFT);
  }

  /**
   * Opens {@code path} read-only under another name, e.g. an inflated copy named after its gzip
   * file; {@code segmentShift} is the log2 of the mapping segment size (small only in tests).
   */
  static FileDumpSource open(Path path, String name, DumpFormat format, int segmentShift)
      throws IOException {
    Objects.requireNonNull(name, "name");
    Objects.requireNonNull(format, "format");
    try (FileChannel channel = FileChannel.open(path, StandardOpenOption.READ)) {
      long length = channel.size();
      long segmentSize = 1L << segmentShift;
      int count = (int) ((length + segmentSize - 1) >>> segmentShift);
      MappedByteBuffer[] segments = new MappedByteBuffer[count];
      for (int i = 0; i < count; i++) {
        long start = (long) i << segmentShift;
        long size = Math.min(segmentSize, length - start);
        segments[i] = channel.map(FileChannel.MapMode.READ_ONLY, start, size);
      }
      // The mappings stay valid after the channel is closed.
      return new FileDumpSource(path, name, format, length, segmentShift, segments);
    }
  }

  @Override
  public long length() {
    return length;
  }

  @Override
  public int read(long offset, byte[] target, int targetOffset, int length) throws IOException {
    Objects.checkFromIndexSize(targetOffset, length, target.length);
    if (offset < 0) {
      throw new IllegalArgumentException("negative offset " + offset + " in " + name);
    }
    MappedByteBuffer[] mapped = segments;
    if (mapped == null) {
      throw new ClosedChannelException();
    }
    if (offset >= this.length) {
      return -1;
    }
    int count = (int) Math.min(length, this.length - offset);
    try {
      long position = offset;
      int done = 0;
      while (done < count) {
        int segment = (int) (position >>> segmentShift);
        int within = (int) (position & segmentMask);
        int piece = Math.min(count - done, mapped[segment].limit() - within);
        mapped[segment].get(within, target, targetOffset + done, piece);
        done += piece;
        position += piece;
      }
      return count;
    } catch (InternalError e) {
      // The JVM reports a fault in a mapped page (the file was truncated underneath) this way.
      throw new IOException(
          name
              + ": cannot read at offset 0x"
              + Long.toHexString(offset)
              + ": the file changed while open? "
              + e.getMessage(),
          e);
    }
  }

  @Override
  public String name() {
    return name;
  }

  /** The file that is read (for an inflated gzip dump, the inflated copy). */
  public Path path() {
    return path;
  }

  /**
   * {@link DumpFormat#HPROF} for a plain dump, {@link DumpFormat#GZIP} for an inflated copy of a
   * gzip file.
   */
  public DumpFormat format() {
    return format;
  }

  @Override
  public void close() {
    segments = null;
  }

  @Override
  public String toString() {
    return "FileDumpSource[" + name + ", " + length + " bytes]";
  }
}
