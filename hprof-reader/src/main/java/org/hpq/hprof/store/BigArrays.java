package org.hpq.hprof.store;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;

/**
 * Factories for {@link IntArray} and {@link LongArray}: on the heap for small sizes and tests, in
 * memory-mapped files for the large arrays of an index, so that the Java heap needed stays small.
 */
public final class BigArrays implements AutoCloseable {
  /** Arrays up to this many elements stay on the heap when allocated as scratch space. */
  public static final long HEAP_LIMIT = 1L << 20;

  private final Path scratchDirectory;
  private final ScratchPool pool;

  private BigArrays(Path scratchDirectory, boolean pooled) {
    this.scratchDirectory = scratchDirectory;
    this.pool = pooled ? new ScratchPool(scratchDirectory) : null;
  }

  /**
   * An allocator for scratch arrays: small ones on the heap, large ones in anonymous mapped
   * files created (and deleted at once) in {@code scratchDirectory}.
   */
  public static BigArrays scratchIn(Path scratchDirectory) {
    return new BigArrays(scratchDirectory, false);
  }

  /**
   * Like {@link #scratchIn}, but a closed scratch array's file goes back to a pool and serves a
   * later request, so that work done in phases touches the same memory again rather than fresh
   * memory (much the dearer on virtual machines). Closing the allocator unmaps the pool; arrays
   * it handed out must not be used afterwards.
   */
  public static BigArrays pooledScratchIn(Path scratchDirectory) {
    return new BigArrays(scratchDirectory, true);
  }

  /** An allocator that keeps everything on the heap; for tests and small graphs. */
  public static BigArrays onHeap() {
    return new BigArrays(null, false);
  }

  /** A new zero-filled array of {@code size} ints. */
  public IntArray newIntArray(long size) {
    return newIntArray(size, true);
  }

  /**
   * A new array of {@code size} ints whose contents are unspecified (zero, or what an earlier
   * user of pooled scratch left): for arrays written before they are read, which then need not
   * be cleared.
   */
  public IntArray newUninitializedIntArray(long size) {
    return newIntArray(size, false);
  }

  private IntArray newIntArray(long size, boolean zeroed) {
    if (scratchDirectory == null || size <= HEAP_LIMIT) {
      return new HeapIntArray(new int[Math.toIntExact(size)]);
    }
    return new MappedIntArray(scratchFile(size * 4, zeroed), size);
  }

  /**
   * A new array of {@code size} ints from -32768 to 32767, with unspecified contents (see {@link
   * #newUninitializedIntArray}): 2 bytes a value when mapped, which then refuses larger values
   * with an {@link IllegalArgumentException}.
   */
  public IntArray newUninitializedShortIntArray(long size) {
    if (scratchDirectory == null || size <= HEAP_LIMIT) {
      return new HeapIntArray(new int[Math.toIntExact(size)]);
    }
    return new ShortMappedIntArray(scratchFile(size * 2, false), size);
  }

  /** A new zero-filled array of {@code size} longs. */
  public LongArray newLongArray(long size) {
    return newLongArray(size, true);
  }

  /** A new array of {@code size} longs with unspecified contents; see {@link #newUninitializedIntArray}. */
  public LongArray newUninitializedLongArray(long size) {
    return newLongArray(size, false);
  }

  private LongArray newLongArray(long size, boolean zeroed) {
    if (scratchDirectory == null || size <= HEAP_LIMIT) {
      return new HeapLongArray(new long[Math.toIntExact(size)]);
    }
    return new MappedLongArray(scratchFile(size * 8, zeroed), size);
  }

  /**
   * A new array of {@code size} longs with unspecified contents, each of the form {@code base + (u
   * << shift)} with u below 2^32 (the sum not wrapping): 4 bytes a value when mapped, which then
   * refuses other values with an {@link IllegalArgumentException}.
   */
  public LongArray newUninitializedNarrowLongArray(long size, long base, int shift) {
    if (scratchDirectory == null || size <= HEAP_LIMIT) {
      return new HeapLongArray(new long[Math.toIntExact(size)]);
    }
    return new NarrowMappedLongArray(scratchFile(size * 4, false), size, base, shift);
  }

  /** A new zero-filled array of {@code size} bytes. */
  public ByteArray newByteArray(long size) {
    if (scratchDirectory == null || size <= HEAP_LIMIT * 4) {
      return new HeapByteArray(new byte[Math.toIntExact(size)]);
    }
    return new MappedByteArray(scratchFile(size, true), size);
  }

  private MappedFile scratchFile(long byteSize, boolean zeroed) {
    return pool == null ? MappedFile.temporary(scratchDirectory, byteSize) : pool.lease(byteSize, zeroed);
  }

  /** Unmaps the pool of a {@link #pooledScratchIn} allocator; nothing for the others. */
  @Override
  public void close() {
    if (pool != null) {
      pool.close();
    }
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

  /**
   * Maps the file {@code path} as {@code size} offsets no larger than {@code bound} (into arrays or
   * files): 4 bytes an offset when {@code bound} fits in 32 unsigned bits, 5 when it fits in 40,
   * else 8. Writable only; {@link #mapOffsets(Path, long)} maps the file again, read-only.
   */
  public static LongArray newOffsets(Path path, long size, long bound) {
    if (bound <= NarrowMappedLongArray.MAXIMUM) {
      return new NarrowMappedLongArray(MappedFile.map(path, size * 4, true), size);
    }
    if (bound <= FortyBitMappedLongArray.MAXIMUM) {
      return new FortyBitMappedLongArray(MappedFile.map(path, FortyBitMappedLongArray.byteSize(size), true), size);
    }
    return mapLongs(path, size, true);
  }

  /**
   * Maps, read-only, a file that {@link #newOffsets} wrote with {@code size} offsets; its width
   * is read off its length.
   */
  public static LongArray mapOffsets(Path path, long size) {
    long bytes = byteSize(path);
    if (bytes == size * 4) {
      return new NarrowMappedLongArray(MappedFile.map(path, bytes, false), size);
    }
    if (bytes == FortyBitMappedLongArray.byteSize(size)) {
      return new FortyBitMappedLongArray(MappedFile.map(path, bytes, false), size);
    }
    return mapLongs(path, size, false);
  }

  /**
   * Maps {@code path} for writing as {@code size} longs of the form {@code base + (u << shift)}: 4
   * bytes each when every value in [{@code smallest}, {@code largest}] of that form fits (with
   * {@code base} = {@code smallest}), else 8. {@link #mapScaled} maps it again, read-only.
   */
  public static LongArray newScaled(Path path, long size, long smallest, long largest, int shift) {
    if (size > 0 && NarrowMappedLongArray.fits(smallest, largest, shift)) {
      return new NarrowMappedLongArray(MappedFile.map(path, size * 4, true), size, smallest, shift);
    }
    return mapLongs(path, size, true);
  }

  /**
   * Maps, read-only, a file that {@link #newScaled} wrote: 4 bytes a value (decoded with {@code
   * base} and {@code shift}) when its length says so, else 8.
   */
  public static LongArray mapScaled(Path path, long size, long base, int shift) {
    if (size > 0 && byteSize(path) == size * 4) {
      return new NarrowMappedLongArray(MappedFile.map(path, size * 4, false), size, base, shift);
    }
    return mapLongs(path, size, false);
  }

  /**
   * Maps {@code path} for writing as {@code size} non-negative multiples of 2^{@code shift} in 2
   * bytes each, the few larger than 2^16 - 2 units kept aside ({@link
   * ShortMappedLongArray#largeValues}). {@link #mapShallow} maps it again, read-only.
   */
  public static ShortMappedLongArray newShort(Path path, long size, int shift) {
    return new ShortMappedLongArray(MappedFile.map(path, ShortMappedLongArray.byteSize(size), true), size, shift, Map.of());
  }

  /**
   * Maps, read-only, a file of {@code size} values that {@link #newShort} or {@link #newScaled}
   * (with base 0) wrote, by its length: 2 bytes a value (with {@code largeValues}, the values kept
   * aside), 4 or 8.
   */
  public static LongArray mapShallow(Path path, long size, int shift, Map<Long, Long> largeValues) {
    if (size > 0 && byteSize(path) == ShortMappedLongArray.byteSize(size)) {
      return new ShortMappedLongArray(
          MappedFile.map(path, ShortMappedLongArray.byteSize(size), false), size, shift, largeValues);
    }
    return mapScaled(path, size, 0, shift);
  }

  private static long byteSize(Path path) {
    try {
      return Files.size(path);
    } catch (IOException e) {
      throw new UncheckedIOException("cannot map " + path + ": " + e.getMessage(), e);
    }
  }

  /** Maps the file {@code path} as {@code size} longs; see {@link #mapInts}. */
  public static LongArray mapLongs(Path path, long size, boolean writable) {
    return new MappedLongArray(MappedFile.map(path, size * 8, writable), size);
  }

}
