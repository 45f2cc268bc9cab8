package org.hpq.hprof.io;

import java.io.Closeable;
import java.io.IOException;

/**
 * Random-access, read-only bytes of an HPROF dump, whatever its container (a plain file, a JDK
 * chunked gzip file, an inflated copy of a single-member gzip file). Offsets are offsets in the
 * plain (uncompressed) HPROF data. Implementations never write to the dump file. Safe for
 * concurrent reads unless an implementation says otherwise.
 */
public interface DumpSource extends Closeable {

  /** Length of the plain HPROF data in bytes. */
  long length();

  /**
   * Reads up to {@code length} bytes at {@code offset} into {@code target}, returning how many
   * were read: fewer than asked only at the end of the data, {@code -1} when {@code offset} is at
   * or past the end.
   */
  int read(long offset, byte[] target, int targetOffset, int length) throws IOException;

  /** What to call this source in messages: usually the dump's path. */
  String name();
}
