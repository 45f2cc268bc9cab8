package org.hpq.hprof.internal;

import static org.hpq.hprof.internal.RecordTags.TAG_HEAP_DUMP;
import static org.hpq.hprof.internal.RecordTags.TAG_HEAP_DUMP_END;
import static org.hpq.hprof.internal.RecordTags.TAG_HEAP_DUMP_SEGMENT;
import static org.hpq.hprof.internal.RecordTags.TAG_LOAD_CLASS;
import static org.hpq.hprof.internal.RecordTags.TAG_STACK_FRAME;
import static org.hpq.hprof.internal.RecordTags.TAG_STACK_TRACE;
import static org.hpq.hprof.internal.RecordTags.TAG_UTF8;
import static org.hpq.hprof.internal.RecordTags.isHeapDump;
import static org.hpq.hprof.internal.RecordTags.recordName;

import org.hpq.hprof.HprofFormatException;
import org.hpq.hprof.ProgressListener;
import org.hpq.hprof.RootKind;
import org.hpq.hprof.Strictness;
import org.hpq.hprof.io.DumpSource;
import org.hpq.hprof.store.LongArray;
import org.hpq.hprof.store.Prefaulter;

/**
 * The first pass over a dump: reads every top-level record, keeps symbols, classes, stacks and
 * roots, and notes the id and offset of every object of the chosen heap dump without decoding its
 * contents. Every length is checked against the data before it is used, so no length field can
 * cause a large allocation or a loop that does not advance.
 */
public final class RecordScanner {
  private static final int MAX_UTF8_BYTES = 1 << 24;
  /** Bytes of the file between progress reports (and requests to the prefaulter). */
  private static final int REPORT_BYTES = 64 << 20;
  /** Objects a byte of the file assumed before any was seen: one per 32 bytes. */
  private static final int FIRST_BYTES_PER_OBJECT = 32;

  private final DumpSource source;
  private final Strictness strictness;
  private final int chosenHeapDump;
  private final ProgressListener progress;
  private final Slots slots;
  private final Prefaulter prefaulter;
  /** The objects whose id and offset slots the prefaulter has been asked for. */
  private long prefaultedObjects;
  private final HprofCursor in;
  private final ScanResult result = new ScanResult();
  private final SubRecordReader subRecords;
  private final HeapDumpNumbering heapDumps = new HeapDumpNumbering();
  private long unknownRecords;
  private String firstUnknownRecord;
  private long overshootingSubRecords;
  /** Notes the second half of the heap dump's segments meanwhile, or null. */
  private SegmentHelper helper;
  /** A segment whose sub-records before {@link #resumeAt} the helper noted; -1 for none. */
  private long resumeRecord = -1;
  private long resumeAt;

  /** Where the scan writes the objects' ids and offsets, in file order. */
  public interface Slots {
    /** The ids of up to {@code bound} objects. */
    LongArray ids(long bound);

    /** The offsets of up to {@code bound} objects. */
    LongArray offsets(long bound);
  }

  /**
   * A scanner that writes ids and offsets into arrays from {@code slots}; {@code prefaulter}
   * brings in their memory ahead of it.
   */
  public RecordScanner(
      DumpSource source,
      Strictness strictness,
      int chosenHeapDump,
      Slots slots,
      Prefaulter prefaulter,
      ProgressListener progress) {
    this.prefaulter = prefaulter;
    this.slots = slots;
    this.source = source;
    this.strictness = strictness;
    this.chosenHeapDump = chosenHeapDump;
    this.progress = progress;
    this.in = new HprofCursor(source, 4 << 20);
    this.subRecords = new SubRecordReader(in, result, strictness, source.name());
  }

  /**
   * Asks the prefaulter for the id and offset slots of the objects the next two reports' worth of
   * the file should hold, at the density of objects seen so far (with a quarter to spare).
   */
  private void prefaultAhead() {
    long position = in.position();
    long expected =
        position == 0
            ? 2L * REPORT_BYTES / FIRST_BYTES_PER_OBJECT
            : (long) (1.25 * result.objectCount / position * 2 * REPORT_BYTES);
    long until = Math.min(result.objectIds.size(), result.objectCount + expected);
    if (until > prefaultedObjects) {
      long from = Math.max(prefaultedObjects, result.objectCount);
      // An id column makes its array at the first object.
      if (result.objectIds instanceof IdColumn column) {
        if (column.values() != null) {
          prefaulter.touch(column.values(), from, until);
        }
      } else {
        prefaulter.touch(result.objectIds, from, until);
      }
      prefaulter.touch(result.objectOffsets, from, until);
      prefaultedObjects = until;
    }
  }

  public ScanResult scan() throws HprofFormatException {
    if (chosenHeapDump < 0) {
      throw new HprofFormatException(source.name(), 0, "file", "heap dump number " + chosenHeapDump + " is negative");
    }
    readHeader();
    // The smallest object sub-record (PRIM ARRAY NODATA, 4-byte ids) takes 14 bytes.
    long bound = in.length() / 14 + 16;
    result.objectIds = slots.ids(bound);
    result.objectOffsets = slots.offsets(bound);
    helper = SegmentHelper.startOrNull(source, in.position(), in.idSize(), chosenHeapDump, slots, strictness);
    try {
      return scanRecords();
    } finally {
      if (helper != null) {
        helper.close();
      }
    }
  }

  private ScanResult scanRecords() throws HprofFormatException {
    long nextReport = 0;
    while (in.remaining() > 0) {
      if (helper != null && in.position() >= helper.split()) {
        takeOverHelper();
      }
      if (in.position() >= nextReport) {
        progress.progress("scanning records", in.position(), in.length());
        nextReport = in.position() + REPORT_BYTES;
        prefaultAhead();
        if (Thread.interrupted()) {
          throw new CancelledException();
        }
      }
      long recordStart = in.position();
      if (in.remaining() < 9) {
        if (truncated(recordStart, "record header", in.remaining() + " bytes left, 9 needed")) {
          break;
        }
      }
      int tag = in.u1();
      in.i4();
      long length = in.u4();
      long bodyStart = in.position();
      if (tag == 0) {
        // No HPROF version defines tag 0: this is not a record (zeros or garbage between records).
        String problem = "tag 0x00 is not a record tag (garbage between records?)";
        if (!strictness.truncates()) {
          throw new HprofFormatException(source.name(), recordStart, "record 0x00", problem);
        }
        result.warnings.add(
            String.format(
                "offset 0x%x: %s; reading stopped there: %d objects kept, later records lost",
                recordStart, problem, result.objectCount));
        result.endOffset = recordStart;
        break;
      }
      if (length > in.remaining()) {
        String problem = "length " + length + " runs past the end of the data (" + in.remaining() + " left)";
        if (isHeapDump(tag) && strictness.truncates()) {
          // Permissive: keep the sub-records that are there; the first incomplete one ends the read.
          result.warnings.add(
              String.format("offset 0x%x: %s: %s: the dump is truncated; its sub-records are read up to the end, the rest of them and any later records are lost",
                  recordStart, recordName(tag), problem));
          length = in.remaining();
        } else if (truncated(recordStart, recordName(tag), problem)) {
          break;
        }
      }
      try {
        readRecord(tag, recordStart, bodyStart, length);
      } catch (HprofCursor.EndOfDataException e) {
        if (truncated(e.position(), recordName(tag), "record ends past the end of the data")) {
          break;
        }
      } catch (TruncatedHeapDumpException e) {
        break;
      } catch (HprofFormatException e) {
        if (!strictness.truncates()) {
          throw e;
        }
        result.warnings.add(
            String.format(
                "%s; reading stopped there: %d of %d bytes read, %d objects kept, later records lost",
                e.getMessage(), recordStart, in.length(), result.objectCount));
        result.endOffset = recordStart;
        break;
      }
    }
    if (unknownRecords > 0) {
      result.warnings.add(unknownRecords + " records with unknown tags were skipped, the first " + firstUnknownRecord);
    }
    if (overshootingSubRecords > 0) {
      result.warnings.add(
          overshootingSubRecords
              + " sub-records crossed the end of their HEAP DUMP (SEGMENT) record; each was read by its own size"
              + " and the next record taken to start after it");
    }
    if (result.endOffset == 0) {
      result.endOffset = in.length();
    }
    result.heapDumpCount = heapDumps.seen();
    if (chosenHeapDump > 0 && chosenHeapDump >= heapDumps.seen()) {
      throw new HprofFormatException(
          source.name(),
          0,
          "file",
          "heap dump " + chosenHeapDump + " asked for, but the file holds " + heapDumps.seen());
    }
    progress.progress("scanning records", in.length(), in.length());
    return result;
  }

  /**
   * At the helper's first segment, takes its objects as if this scanner had read them and goes on
   * where it stopped; anywhere else (this scanner went past the segment's start), drops them.
   */
  private void takeOverHelper() {
    SegmentHelper.Part part = in.position() == helper.split() ? helper.finishOrNull() : null;
    helper.close();
    helper = null;
    if (part == null) {
      return;
    }
    part.appendTo(result, subRecords);
    // The prefaulter knows only the first arrays.
    prefaultedObjects = Long.MAX_VALUE;
    if (part.stoppedAt() == part.segmentEnd()) {
      in.seek(part.stoppedAt());
    } else {
      // The segment holding the place the helper stopped at: read from its header, its
      // sub-records from that place on.
      resumeRecord = part.segmentStart();
      resumeAt = part.stoppedAt();
      in.seek(part.segmentStart());
    }
  }

  private void readHeader() throws HprofFormatException {
    StringBuilder version = new StringBuilder();
    try {
      boolean terminated = false;
      for (int i = 0; i < 32 && in.remaining() > 0; i++) {
        int b = in.u1();
        if (b == 0) {
          terminated = true;
          break;
        }
        version.append((char) b);
      }
      String text = version.toString();
      if (!text.startsWith("JAVA PROFILE 1.0.") || !terminated) {
        throw new HprofFormatException(
            source.name(), 0, "header", "not an HPROF file (starts with '" + printable(text) + "')");
      }
      int idSize = in.i4();
      if (idSize != 4 && idSize != 8) {
        throw new HprofFormatException(
            source.name(), in.position() - 4, "header", "identifier size " + idSize + " (4 or 8 expected)");
      }
      in.idSize(idSize);
      result.version = text;
      result.idSize = idSize;
      result.timestamp = in.i8();
    } catch (HprofCursor.EndOfDataException e) {
      throw new HprofFormatException(source.name(), e.position(), "header", "file ends inside the header");
    }
  }

  private static String printable(String text) {
    StringBuilder out = new StringBuilder();
    for (char c : text.toCharArray()) {
      out.append(c >= 0x20 && c < 0x7F ? c : '?');
      if (out.length() >= 20) {
        break;
      }
    }
    return out.toString();
  }

  private void readRecord(int tag, long recordStart, long bodyStart, long length) throws HprofFormatException {
    long end = bodyStart + length;
    int id = in.idSize();
    switch (tag) {
      case TAG_UTF8 -> readUtf8(bodyStart, length);
      case TAG_LOAD_CLASS -> {
        requireLength(recordStart, tag, length, 8L + 2 * id);
        int serial = in.i4();
        long classId = in.id();
        in.i4();
        long nameId = in.id();
        result.classSerials.put(serial, classId);
        result.classNameIds.put(classId, nameId);
      }
      case 0x03 -> requireLength(recordStart, tag, length, 4);
      case TAG_STACK_FRAME -> {
        requireLength(recordStart, tag, length, 8L + 4 * id);
        long frameId = in.id();
        StackFrameRecord frame =
            new StackFrameRecord(frameId, in.id(), in.id(), in.id(), in.i4(), in.i4());
        result.frames.put(frameId, frame);
      }
      case TAG_STACK_TRACE -> readStackTrace(bodyStart, length);
      case TAG_HEAP_DUMP, TAG_HEAP_DUMP_SEGMENT, TAG_HEAP_DUMP_END -> {
        if (heapDumps.next(tag) == chosenHeapDump && tag != TAG_HEAP_DUMP_END) {
          long from = recordStart == resumeRecord ? resumeAt : bodyStart;
          resumeRecord = -1;
          end = readHeapDump(tag, from, end);
        }
      }
      case 0x06, 0x07, 0x0A, 0x0B, 0x0D, 0x0E -> {
        // Old agent records (alloc sites, heap summary, thread start/end, cpu samples, control
        // settings): nothing a heap reader needs; skipped by their length.
      }
      default -> {
        if (unknownRecords++ == 0) {
          firstUnknownRecord = String.format("tag 0x%02x at offset 0x%x", tag, recordStart);
        }
      }
    }
    in.seek(end);
  }

  private void requireLength(long recordStart, int tag, long length, long needed) throws HprofFormatException {
    if (length < needed) {
      throw new HprofFormatException(
          source.name(), recordStart, recordName(tag), "length " + length + " is shorter than its " + needed + " bytes");
    }
  }

  private void readUtf8(long bodyStart, long length) throws HprofFormatException {
    if (length < in.idSize()) {
      throw new HprofFormatException(
          source.name(), bodyStart - 9, "UTF8", "length " + length + " is shorter than an id");
    }
    long id = in.id();
    long textLength = length - in.idSize();
    if (textLength > MAX_UTF8_BYTES) {
      result.warnings.add(
          String.format("offset 0x%x: UTF8 string of %d bytes cut to %d", bodyStart, textLength, MAX_UTF8_BYTES));
      textLength = MAX_UTF8_BYTES;
    }
    byte[] bytes = in.bytes((int) textLength);
    result.strings.put(id, ModifiedUtf8.decode(bytes));
  }

  private void readStackTrace(long bodyStart, long length) throws HprofFormatException {
    int serial = in.i4();
    int threadSerial = in.i4();
    long count = in.u4();
    if (count * in.idSize() > length - 12) {
      throw new HprofFormatException(
          source.name(), bodyStart - 9, "STACK TRACE", count + " frames do not fit in length " + length);
    }
    long[] frames = new long[(int) count];
    for (int i = 0; i < frames.length; i++) {
      frames[i] = in.id();
    }
    result.traces.add(new StackTraceRecord(serial, threadSerial, frames));
  }

  /**
   * Reads the sub-records of one HEAP DUMP (SEGMENT) record and returns where the next top-level
   * record starts: the record's end, or later when the last sub-record overshoots it.
   *
   * <p>A sub-record that crosses the record's end is one of two things. If a heap dump record
   * header sits exactly at the end, the writer cut the sub-record in two ("split"): hpq does not
   * splice split sub-records, so STRICT and WARN fail and PERMISSIVE stops the heap dump before it.
   * Otherwise the record's length is taken as advisory (as Android's ahat does) and the sub-record
   * is read by its own size: STRICT fails, WARN and PERMISSIVE go on with a warning.
   */
  private long readHeapDump(int tag, long bodyStart, long end) throws HprofFormatException {
    String name = recordName(tag);
    in.seek(bodyStart);
    while (in.position() < end) {
      subRecords.readObjects(end);
      if (in.position() >= end) {
        break;
      }
      long start = in.position();
      subRecords.mark();
      try {
        subRecords.read(start, end, name);
      } catch (HprofCursor.EndOfDataException e) {
        if (in.position() > end && recordHeaderAt(end)) {
          split(start, end, name);
        }
        subRecords.rollback();
        if (truncated(start, name, "sub-record ends past the end of the data")) {
          throw new TruncatedHeapDumpException();
        }
      } catch (HprofFormatException e) {
        if (in.position() > end && recordHeaderAt(end)) {
          split(start, end, name);
        }
        subRecords.rollback();
        if (!strictness.truncates()) {
          throw e;
        }
        result.warnings.add(
            String.format(
                "%s; the rest of this record (0x%x to 0x%x, %d bytes) is skipped", e.getMessage(), start, end, end - start));
        break;
      }
      if (in.position() > end) {
        if (recordHeaderAt(end)) {
          split(start, end, name);
        }
        if (!strictness.repairs()) {
          throw new HprofFormatException(
              source.name(),
              start,
              name,
              String.format("sub-record crosses the end of its record at 0x%x (ends at 0x%x)", end, in.position()));
        }
        overshootingSubRecords++;
        end = in.position();
      }
      if (Thread.interrupted()) {
        throw new CancelledException();
      }
    }
    return end;
  }

  /** A sub-record at {@code start} is cut by a record header at {@code end}: fail, or stop there. */
  private void split(long start, long end, String name) throws HprofFormatException {
    subRecords.rollback();
    String problem =
        String.format(
            "sub-record at 0x%x is cut in two by the record header at 0x%x; sub-records split across records"
                + " are not supported",
            start, end);
    if (!strictness.truncates()) {
      throw new HprofFormatException(source.name(), start, name, problem);
    }
    result.warnings.add(
        String.format(
            "%s: %s; reading stopped there: %d of %d bytes read, %d objects kept, the rest of the heap dump is lost",
            name, problem, start, in.length(), result.objectCount));
    result.endOffset = start;
    throw new TruncatedHeapDumpException();
  }

  /** Whether a plausible HEAP DUMP or HEAP DUMP SEGMENT record header starts at {@code offset}. */
  private boolean recordHeaderAt(long offset) {
    if (offset + 9 > in.length()) {
      return false;
    }
    long position = in.position();
    in.seek(offset);
    int tag = in.u1();
    in.i4();
    long length = in.u4();
    in.seek(position);
    return isHeapDump(tag) && length <= in.length() - offset - 9;
  }

  /**
   * Handles data that ends too soon: throws in STRICT and WARN, or records a warning and returns
   * true (stop reading) in PERMISSIVE.
   */
  private boolean truncated(long offset, String record, String problem) throws HprofFormatException {
    if (!strictness.truncates()) {
      throw new HprofFormatException(source.name(), offset, record, problem + " (truncated dump?)");
    }
    result.warnings.add(
        String.format(
            "truncated at 0x%x in %s (%s): %d of %d bytes read, %d objects kept; later records lost",
            offset, record, problem, offset, in.length(), result.objectCount));
    result.endOffset = offset;
    return true;
  }

  /** Thrown inside the scanner to stop at a permissive truncation. */
  private static final class TruncatedHeapDumpException extends RuntimeException {}
}
