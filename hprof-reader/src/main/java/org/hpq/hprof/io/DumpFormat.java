package org.hpq.hprof.io;

/** The container a heap dump comes in, as recognized by {@link DumpSources#detect}. */
public enum DumpFormat {
  /** A plain HPROF file, starting with {@code JAVA PROFILE 1.0.x}. */
  HPROF,
  /**
   * The JDK's chunked gzip ({@code jcmd PID GC.heap_dump -gz=N}, JDK 15+): independent gzip members
   * of at most one block each; the first member's comment reads {@code HPROF BLOCKSIZE=n}. Readable
   * at random offsets through an index of members.
   */
  CHUNKED_GZIP,
  /**
   * Any other gzip file holding an HPROF dump (e.g. {@code gzip dump.hprof}); read through an
   * inflated copy in a cache directory.
   */
  GZIP
}
