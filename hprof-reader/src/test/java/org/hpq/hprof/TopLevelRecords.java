package org.hpq.hprof;

import java.nio.ByteBuffer;
import java.util.ArrayList;
import java.util.List;

/** The top-level records of a well-formed HPROF byte array, to find offsets for tests. */
final class TopLevelRecords {
  /** One record: its tag, where its 9-byte header starts, and its body length. */
  record Entry(int tag, int offset, int length) {
    int bodyStart() {
      return offset + 9;
    }

    int end() {
      return offset + 9 + length;
    }
  }

  private TopLevelRecords() {}

  static int headerLength(byte[] bytes) {
    int nul = 0;
    while (bytes[nul] != 0) {
      nul++;
    }
    return nul + 1 + 4 + 8;
  }

  static List<Entry> of(byte[] bytes) {
    List<Entry> entries = new ArrayList<>();
    ByteBuffer buffer = ByteBuffer.wrap(bytes);
    int position = headerLength(bytes);
    while (position + 9 <= bytes.length) {
      int tag = bytes[position] & 0xFF;
      int length = buffer.getInt(position + 5);
      entries.add(new Entry(tag, position, length));
      position += 9 + length;
    }
    return entries;
  }

  static Entry first(byte[] bytes, int tag) {
    return of(bytes).stream().filter(entry -> entry.tag() == tag).findFirst()
        .orElseThrow(() -> new AssertionError("no record with tag " + tag));
  }
}
