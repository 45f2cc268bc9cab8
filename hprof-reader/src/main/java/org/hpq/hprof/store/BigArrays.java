package org.hpq.hprof.store;

import java.nio.file.Path;

/**
 * Factories for {@link IntArray} and {@link LongArray}: on the heap for small sizes and tests, in
 * memory-mapped files for the large arrays of an index, so that the Java heap needed stays small.
 */
public final class BigArrays {
  /** Arrays up to this many elements stay on the heap when allocated as scratch space. */
  public static final long HEAP_LIMIT = 1L << 20;

  private final Path scratchDirectory;

  private BigArrays(Path scratchDirectory) {
    this.scratchDirectory = scratchDirectory;
  }

  /**
   * An allocator for scratch arrays: small ones on the heap, large ones in anonymous mapped
   * files created (and deleted at once) in {@code scratchDirectory}.
   */
  public static BigArrays scratchIn(Path scratchDirectory) {
    return new BigArrays(scratchDirectory);
  }

  /** An allocator that keeps everything on the heap; for tests and small graphs. */
  public static BigArrays onHeap() {
    return new BigArrays(null);
  }

  /** A new zero-filled array of {@code size} ints. */
  public IntArray newIntArray(long size) {
    if (scratchDirectory == null || size <= HEAP_LIMIT) {
      return new HeapIntArray(new int[Math.toIntExact(size)]);
    }
    return new MappedIntArray(MappedFile.temporary(scratchDirectory, size * 4), size);
  }

  /** A new zero-filled array of {@code size} longs. */
  public LongArray newLongArray(long size) {
    if (scratchDirectory == null || size <= HEAP_LIMIT) {
      return new HeapLongArray(new long[Math.toIntExact(size)]);
    }
    return new MappedLongArray(MappedFile.temporary(scratchDirectory, size * 8), size);
  }

  /** A new zero-filled array of {@code size} bytes. */
  public ByteArray newByteArray(long size) {
    if (scratchDirectory == null || size <= HEAP_LIMIT * 4) {
      return new HeapByteArray(new byte[Math.toIntExact(size)]);
    }
    return new MappedByteArray(MappedFile.temporary(scratchDirectory, size), size);
  }

  /** Maps the file {@code path} as {@code size} bytes; see {@link #mapInts}. */
  public static ByteArray mapBytes(Path path, long size, boolean writable) {
    return new MappedByteArray(MappedFile.map(path, size, writable), size);
  }

  /** Wraps {@code values} (not copied). */
  public static IntArray wrap(int[] values) {
    return new HeapIntArray(values);
  }

  /** Wraps {@code values} (not copied). */
  public static LongArray wrap(long[] values) {
    return new HeapLongArray(values);
  }

  /**
   * Maps the file {@code path} as {@code size} ints. When {@code writable} the file is created or
   * resized; otherwise it must exist and is mapped read-only.
   */
  public static IntArray mapInts(Path path, long size, boolean writable) {
    return new MappedIntArray(MappedFile.map(path, size * 4, writable), size);
  }

  /** Maps the file {@code path} as {@code size} longs; see {@link #mapInts}. */
  public static LongArray mapLongs(Path path, long size, boolean writable) {
    return new MappedLongArray(MappedFile.map(path, size * 8, writable), size);
  }

}
