package org.hpq.hprof.store;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.MappedByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.Arrays;

/**
 * A whole file mapped into memory as segments of {@value #SEGMENT_BYTES} bytes, so that files
 * larger than 2 GiB can be addressed. Values are stored in the platform's native byte order.
 * Mapped memory does not count against the Java heap or the direct-memory limit, which is how
 * hpq keeps arrays of hundreds of millions of elements under a small {@code -Xmx}.
 */
final class MappedFile implements AutoCloseable {
  static final int SEGMENT_SHIFT = 30;
  static final long SEGMENT_BYTES = 1L << SEGMENT_SHIFT;
  static final long SEGMENT_MASK = SEGMENT_BYTES - 1;

  private final MappedByteBuffer[] segments;
  private final long[] addresses;
  private final long byteSize;
  /** For a lease of a pooled scratch file: the pool and the file it goes back to on close. */
  private final ScratchPool pool;
  private final MappedFile pooled;
  /** For a temporary file: its channel, kept open (its name is gone) for {@link Prefaulter}'s reads. */
  private final FileChannel readChannel;
  private boolean closed;

  private MappedFile(MappedByteBuffer[] segments, long byteSize, FileChannel readChannel) {
    this.segments = segments;
    this.readChannel = readChannel;
    this.byteSize = byteSize;
    this.addresses = new long[segments.length];
    for (int i = 0; i < segments.length; i++) {
      addresses[i] = Memory.address(segments[i]);
    }
    this.pool = null;
    this.pooled = null;
  }

  private MappedFile(MappedFile pooled, long byteSize, ScratchPool pool) {
    this.segments = pooled.segments;
    this.byteSize = byteSize;
    this.addresses = pooled.addresses.clone();
    this.pool = pool;
    this.pooled = pooled;
    this.readChannel = pooled.readChannel;
  }

  /**
   * A lease of the first {@code byteSize} bytes of this file: closing it hands this file back to
   * {@code pool} (once) instead of unmapping it, and makes the lease itself unusable.
   */
  MappedFile lease(long byteSize, ScratchPool pool) {
    if (byteSize > this.byteSize) {
      throw new IllegalArgumentException("lease of " + byteSize + " bytes of a " + this.byteSize + "-byte file");
    }
    return new MappedFile(this, byteSize, pool);
  }

  /**
   * Maps {@code path}. When {@code writable}, the file is created or resized to {@code byteSize}
   * bytes (new bytes read as zero); otherwise it is mapped read-only and must already hold at
   * least {@code byteSize} bytes.
   */
  static MappedFile map(Path path, long byteSize, boolean writable) {
    try (FileChannel channel = open(path, writable)) {
      return new MappedFile(segments(channel, path, byteSize, writable), byteSize, null);
    } catch (IOException e) {
      throw new UncheckedIOException("cannot map " + path + ": " + e.getMessage(), e);
    }
  }

  /**
   * Maps a new anonymous temporary file in {@code directory}; it is deleted at once. Its channel
   * stays open (for {@link #readChannelOrNull}) until the file is closed.
   */
  static MappedFile temporary(Path directory, long byteSize) {
    try {
      Files.createDirectories(directory);
      Path path = Files.createTempFile(directory, "hpq-", ".tmp");
      FileChannel channel = open(path, true);
      try {
        return new MappedFile(segments(channel, path, byteSize, true), byteSize, channel);
      } catch (IOException | RuntimeException e) {
        channel.close();
        throw e;
      } finally {
        // The mapping stays valid after the name is gone; nothing is left behind on a crash.
        Files.deleteIfExists(path);
      }
    } catch (IOException e) {
      throw new UncheckedIOException("cannot create a temporary file in " + directory, e);
    }
  }

  private static FileChannel open(Path path, boolean writable) throws IOException {
    return writable
        ? FileChannel.open(path, StandardOpenOption.CREATE, StandardOpenOption.READ, StandardOpenOption.WRITE)
        : FileChannel.open(path, StandardOpenOption.READ);
  }

  /**
   * The segments of {@code path} through its open {@code channel}. When {@code writable}, the file
   * is resized to {@code byteSize} bytes (new bytes read as zero); otherwise it must already hold
   * at least {@code byteSize} bytes.
   */
  private static MappedByteBuffer[] segments(FileChannel channel, Path path, long byteSize, boolean writable)
      throws IOException {
    if (byteSize < 0) {
      throw new IllegalArgumentException("negative size " + byteSize + " for " + path);
    }
    if (writable && channel.size() != byteSize) {
      channel.truncate(Math.min(channel.size(), byteSize));
      if (byteSize > 0) {
        channel.write(ByteBuffer.allocate(1), byteSize - 1);
      }
    } else if (!writable && channel.size() < byteSize) {
      throw new IOException(path + " holds " + channel.size() + " bytes, expected at least " + byteSize);
    }
    int count = (int) ((byteSize + SEGMENT_MASK) >>> SEGMENT_SHIFT);
    MappedByteBuffer[] segments = new MappedByteBuffer[count];
    FileChannel.MapMode mode = writable ? FileChannel.MapMode.READ_WRITE : FileChannel.MapMode.READ_ONLY;
    for (int i = 0; i < count; i++) {
      long start = (long) i << SEGMENT_SHIFT;
      long length = Math.min(SEGMENT_BYTES, byteSize - start);
      segments[i] = channel.map(mode, start, length);
      segments[i].order(ByteOrder.nativeOrder());
    }
    return segments;
  }

  long byteSize() {
    return byteSize;
  }

  /** The channel of a temporary file (or a lease of one), only ever read from; else null. */
  FileChannel readChannelOrNull() {
    return readChannel;
  }

  // Callers check element bounds; these read the mapping directly (no ByteBuffer checks), which
  // matters in loops over hundreds of millions of elements.
  int getInt(long byteOffset) {
    return Memory.UNSAFE.getInt(addresses[(int) (byteOffset >>> SEGMENT_SHIFT)] + (byteOffset & SEGMENT_MASK));
  }

  void putInt(long byteOffset, int value) {
    Memory.UNSAFE.putInt(addresses[(int) (byteOffset >>> SEGMENT_SHIFT)] + (byteOffset & SEGMENT_MASK), value);
  }

  long getLong(long byteOffset) {
    return Memory.UNSAFE.getLong(addresses[(int) (byteOffset >>> SEGMENT_SHIFT)] + (byteOffset & SEGMENT_MASK));
  }

  void putLong(long byteOffset, long value) {
    Memory.UNSAFE.putLong(addresses[(int) (byteOffset >>> SEGMENT_SHIFT)] + (byteOffset & SEGMENT_MASK), value);
  }

  char getChar(long byteOffset) {
    return Memory.UNSAFE.getChar(addresses[(int) (byteOffset >>> SEGMENT_SHIFT)] + (byteOffset & SEGMENT_MASK));
  }

  void putChar(long byteOffset, char value) {
    Memory.UNSAFE.putChar(addresses[(int) (byteOffset >>> SEGMENT_SHIFT)] + (byteOffset & SEGMENT_MASK), value);
  }

  byte getByte(long byteOffset) {
    return Memory.UNSAFE.getByte(addresses[(int) (byteOffset >>> SEGMENT_SHIFT)] + (byteOffset & SEGMENT_MASK));
  }

  void putByte(long byteOffset, byte value) {
    Memory.UNSAFE.putByte(addresses[(int) (byteOffset >>> SEGMENT_SHIFT)] + (byteOffset & SEGMENT_MASK), value);
  }

  /** Largest piece a bulk copy moves at once, so that safepoints are not delayed long. */
  private static final long COPY_CHUNK = 1L << 20;

  /**
   * Copies {@code bytes} bytes from {@code byteOffset} of this file into a Java array, at the
   * Unsafe offset {@code arrayOffset} of {@code array}. Callers check bounds.
   */
  void copyToArray(long byteOffset, Object array, long arrayOffset, long bytes) {
    while (bytes > 0) {
      long piece = piece(byteOffset, bytes);
      Memory.UNSAFE.copyMemory(null, address(byteOffset), array, arrayOffset, piece);
      byteOffset += piece;
      arrayOffset += piece;
      bytes -= piece;
    }
  }

  /** The reverse of {@link #copyToArray}: from a Java array into this file. */
  void copyFromArray(Object array, long arrayOffset, long byteOffset, long bytes) {
    while (bytes > 0) {
      long piece = piece(byteOffset, bytes);
      Memory.UNSAFE.copyMemory(array, arrayOffset, null, address(byteOffset), piece);
      byteOffset += piece;
      arrayOffset += piece;
      bytes -= piece;
    }
  }

  /**
   * Copies {@code bytes} bytes from {@code sourceOffset} of {@code source} to {@code byteOffset}
   * of this file. Overlapping ranges of one file are copied as if through a buffer only when the
   * target lies before the source.
   */
  void copyFrom(MappedFile source, long sourceOffset, long byteOffset, long bytes) {
    while (bytes > 0) {
      long piece = Math.min(piece(byteOffset, bytes), source.piece(sourceOffset, bytes));
      Memory.UNSAFE.copyMemory(source.address(sourceOffset), address(byteOffset), piece);
      sourceOffset += piece;
      byteOffset += piece;
      bytes -= piece;
    }
  }

  /** Sets {@code bytes} bytes from {@code byteOffset} to {@code value}. */
  void setBytes(long byteOffset, long bytes, byte value) {
    while (bytes > 0) {
      long piece = piece(byteOffset, bytes);
      Memory.UNSAFE.setMemory(address(byteOffset), piece, value);
      byteOffset += piece;
      bytes -= piece;
    }
  }

  /** The native address of byte {@code byteOffset}. */
  long address(long byteOffset) {
    return addresses[(int) (byteOffset >>> SEGMENT_SHIFT)] + (byteOffset & SEGMENT_MASK);
  }

  /** How many of {@code bytes} bytes from {@code byteOffset} lie in one segment and one chunk. */
  private static long piece(long byteOffset, long bytes) {
    return Math.min(Math.min(bytes, COPY_CHUNK), SEGMENT_BYTES - (byteOffset & SEGMENT_MASK));
  }

  /** The segments, read-only views, for bulk work such as checksums. */
  ByteBuffer[] segments() {
    ByteBuffer[] views = new ByteBuffer[segments.length];
    for (int i = 0; i < segments.length; i++) {
      views[i] = segments[i].asReadOnlyBuffer();
    }
    return views;
  }


  /**
   * Releases the mapping at once instead of waiting for the garbage collector. The file must not
   * be used afterwards: a read of an unmapped address would crash the VM.
   */
  @Override
  public void close() {
    if (pool != null) {
      if (!closed) {
        closed = true;
        Arrays.fill(addresses, 0);
        pool.release(pooled);
      }
      return;
    }
    for (int i = 0; i < segments.length; i++) {
      addresses[i] = 0;
      Memory.UNSAFE.invokeCleaner(segments[i]);
    }
    if (readChannel != null) {
      try {
        readChannel.close();
      } catch (IOException e) {
        // A read-only channel: nothing was written through it.
      }
    }
  }
}
