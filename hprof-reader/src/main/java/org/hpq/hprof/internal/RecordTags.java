package org.hpq.hprof.internal;

/** The tags of the top-level HPROF records hpq reads, and their names in messages. */
final class RecordTags {
  static final int TAG_UTF8 = 0x01;
  static final int TAG_LOAD_CLASS = 0x02;
  static final int TAG_STACK_FRAME = 0x04;
  static final int TAG_STACK_TRACE = 0x05;
  static final int TAG_HEAP_DUMP = 0x0C;
  static final int TAG_HEAP_DUMP_SEGMENT = 0x1C;
  static final int TAG_HEAP_DUMP_END = 0x2C;

  private RecordTags() {}

  /** Whether {@code tag} is a HEAP DUMP or a HEAP DUMP SEGMENT record: one that holds sub-records. */
  static boolean isHeapDump(int tag) {
    return tag == TAG_HEAP_DUMP || tag == TAG_HEAP_DUMP_SEGMENT;
  }

  /** The record's name in messages: {@code HEAP DUMP SEGMENT}, or {@code record 0x42} for others. */
  static String recordName(int tag) {
    return switch (tag) {
      case TAG_UTF8 -> "UTF8";
      case TAG_LOAD_CLASS -> "LOAD CLASS";
      case 0x03 -> "UNLOAD CLASS";
      case TAG_STACK_FRAME -> "STACK FRAME";
      case TAG_STACK_TRACE -> "STACK TRACE";
      case TAG_HEAP_DUMP -> "HEAP DUMP";
      case TAG_HEAP_DUMP_SEGMENT -> "HEAP DUMP SEGMENT";
      case TAG_HEAP_DUMP_END -> "HEAP DUMP END";
      default -> String.format("record 0x%02x", tag);
    };
  }
}
