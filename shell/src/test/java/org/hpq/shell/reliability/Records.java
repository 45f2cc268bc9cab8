package org.hpq.shell.reliability;

import java.nio.ByteBuffer;
import java.util.TreeSet;

/** Offsets in a well-formed HPROF byte array, to cut it at chosen places. */
final class Records {
  private Records() {}

  /** Length of the header: the NUL-terminated format name, the id size and the timestamp. */
  static int headerLength(byte[] bytes) {
    int nul = 0;
    while (bytes[nul] != 0) {
      nul++;
    }
    return nul + 1 + 4 + 8;
  }

  /** Where every top-level record starts, and the end of the file. */
  static TreeSet<Integer> boundaries(byte[] bytes) {
    TreeSet<Integer> starts = new TreeSet<>();
    ByteBuffer buffer = ByteBuffer.wrap(bytes);
    long position = headerLength(bytes);
    while (position + 9 <= bytes.length) {
      starts.add((int) position);
      position += 9 + Integer.toUnsignedLong(buffer.getInt((int) position + 5));
    }
    starts.add(bytes.length);
    return starts;
  }
}
