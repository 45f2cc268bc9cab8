package org.hpq.hprof.internal;

/**
 * Which heap dump a top-level record belongs to, record after record: a HEAP DUMP (0x0C) record is
 * a heap dump of its own; consecutive HEAP DUMP SEGMENT (0x1C) records form one, which a HEAP DUMP
 * END (0x2C) or a HEAP DUMP record closes. The scanner and its {@link SegmentHelper} both follow
 * this rule, so that they agree on the segments of the chosen heap dump.
 */
final class HeapDumpNumbering {
  private int seen;
  private boolean open;

  /**
   * Takes the next record's tag; returns the number (from 0) of the heap dump it belongs to, or -1
   * when it is not part of one.
   */
  int next(int tag) {
    return switch (tag) {
      case RecordTags.TAG_HEAP_DUMP, RecordTags.TAG_HEAP_DUMP_SEGMENT -> {
        if (!open) {
          open = true;
          seen++;
        }
        if (tag == RecordTags.TAG_HEAP_DUMP) {
          open = false;
        }
        yield seen - 1;
      }
      case RecordTags.TAG_HEAP_DUMP_END -> {
        open = false;
        yield -1;
      }
      default -> -1;
    };
  }

  /** How many heap dumps the records so far began. */
  int seen() {
    return seen;
  }
}
