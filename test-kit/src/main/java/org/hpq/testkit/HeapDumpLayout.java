package org.hpq.testkit;

/**
 * How a heap dump's sub-records are packed into top-level records.
 *
 * @param segmented true for HEAP DUMP SEGMENT (0x1C) records, false for HEAP DUMP (0x0C)
 * @param segmentSize target body size of a segment in bytes; a sub-record larger than that gets a
 *     segment of its own (as HotSpot does) unless {@code splitSubRecords}; ignored if not segmented
 * @param splitSubRecords if true, segments are cut at exactly {@code segmentSize} bytes, so
 *     sub-records cross segment boundaries
 * @param writeEndRecord whether HEAP DUMP END (0x2C) follows the dump
 */
public record HeapDumpLayout(
    boolean segmented, int segmentSize, boolean splitSubRecords, boolean writeEndRecord) {

  /** HotSpot's segment size: 1 MiB. */
  public static final int DEFAULT_SEGMENT_SIZE = 1 << 20;

  /** Validates the segment size. */
  public HeapDumpLayout {
    if (segmentSize < 1) {
      throw new IllegalArgumentException("segment size must be positive: " + segmentSize);
    }
  }

  /** One HEAP DUMP (0x0C) record and no END record, as {@code JAVA PROFILE 1.0.1} files have. */
  public static HeapDumpLayout singleRecord() {
    return new HeapDumpLayout(false, DEFAULT_SEGMENT_SIZE, false, false);
  }

  /** HEAP DUMP SEGMENT records of about {@code segmentSize} bytes, then HEAP DUMP END. */
  public static HeapDumpLayout segments(int segmentSize) {
    return new HeapDumpLayout(true, segmentSize, false, true);
  }

  /** HotSpot's default: 1 MiB segments, then HEAP DUMP END. */
  public static HeapDumpLayout hotSpotSegments() {
    return segments(DEFAULT_SEGMENT_SIZE);
  }

  /** The same layout, but cutting segments at exactly the segment size, inside sub-records. */
  public HeapDumpLayout splittingSubRecords() {
    return new HeapDumpLayout(segmented, segmentSize, true, writeEndRecord);
  }

  /** The same layout with or without the HEAP DUMP END record. */
  public HeapDumpLayout withEndRecord(boolean write) {
    return new HeapDumpLayout(segmented, segmentSize, splitSubRecords, write);
  }
}
