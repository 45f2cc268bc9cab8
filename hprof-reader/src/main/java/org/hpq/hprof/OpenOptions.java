package org.hpq.hprof;

import java.nio.file.Path;

/**
 * How to open a dump. Immutable; the {@code with...} methods return changed copies.
 *
 * @param strictness what to do with malformed input
 * @param heapDumpNumber which heap dump of the file to read, from 0
 * @param sizeModel a size model to use instead of the one detected, or null
 * @param indexDirectory where to keep the index, or null for beside the dump (or the cache
 *     directory when the dump's folder is not writable)
 * @param cacheDirectory where inflated copies of gzip dumps and fallback indexes go
 * @param scratchDirectory where an index build keeps its temporary arrays, or null to choose: a
 *     memory file system ({@code /dev/shm}) when it and the machine's available memory have room
 *     for them, else the index's own directory
 * @param progress receives progress of indexing
 */
public record OpenOptions(
    Strictness strictness,
    int heapDumpNumber,
    SizeModel sizeModel,
    Path indexDirectory,
    Path cacheDirectory,
    Path scratchDirectory,
    ProgressListener progress) {

  /** Defaults: WARN, the first heap dump, the detected size model, the index beside the dump. */
  public static OpenOptions defaults() {
    return new OpenOptions(
        Strictness.WARN,
        0,
        null,
        null,
        Path.of(System.getProperty("user.home"), ".cache", "hpq"),
        null,
        ProgressListener.NONE);
  }

  public OpenOptions withStrictness(Strictness value) {
    return new OpenOptions(value, heapDumpNumber, sizeModel, indexDirectory, cacheDirectory, scratchDirectory, progress);
  }

  public OpenOptions withHeapDumpNumber(int value) {
    return new OpenOptions(strictness, value, sizeModel, indexDirectory, cacheDirectory, scratchDirectory, progress);
  }

  public OpenOptions withSizeModel(SizeModel value) {
    return new OpenOptions(strictness, heapDumpNumber, value, indexDirectory, cacheDirectory, scratchDirectory, progress);
  }

  public OpenOptions withIndexDirectory(Path value) {
    return new OpenOptions(strictness, heapDumpNumber, sizeModel, value, cacheDirectory, scratchDirectory, progress);
  }

  public OpenOptions withCacheDirectory(Path value) {
    return new OpenOptions(strictness, heapDumpNumber, sizeModel, indexDirectory, value, scratchDirectory, progress);
  }

  public OpenOptions withScratchDirectory(Path value) {
    return new OpenOptions(strictness, heapDumpNumber, sizeModel, indexDirectory, cacheDirectory, value, progress);
  }

  public OpenOptions withProgress(ProgressListener value) {
    return new OpenOptions(strictness, heapDumpNumber, sizeModel, indexDirectory, cacheDirectory, scratchDirectory, value);
  }
}
