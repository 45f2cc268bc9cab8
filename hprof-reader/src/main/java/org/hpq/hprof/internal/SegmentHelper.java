package org.hpq.hprof.internal;

import java.util.ArrayList;
import java.util.List;
import org.hpq.hprof.HprofFormatException;
import org.hpq.hprof.Strictness;
import org.hpq.hprof.concurrent.TwoThreads;
import org.hpq.hprof.io.DumpSource;
import org.hpq.hprof.io.FileDumpSource;
import org.hpq.hprof.store.JoinedLongArray;

/**
 * Notes the objects of the second half of a segmented heap dump on a helper thread while the
 * {@link RecordScanner} reads the first half. HotSpot writes a heap dump as HEAP DUMP SEGMENT
 * records of about a megabyte, each holding whole sub-records, and puts the roots and class dumps
 * in the first ones; the rest hold only objects, which the scan notes without decoding.
 *
 * <p>The helper starts at a segment near the middle of the chosen heap dump's first run of
 * consecutive segments and notes objects as the scanner would, until the run ends or it meets
 * anything but an object that lies wholly inside its segment: a root, a class dump, a malformed or
 * crossing sub-record. There it stops, and leaves that sub-record and the rest to the scanner. When
 * the scanner reaches the helper's first segment, it takes the helper's objects as its own and goes
 * on where the helper stopped; if it never reaches it exactly (it stopped earlier, or a sub-record
 * crossing a segment's end moved it past), the helper's work is dropped. Either way the scan's
 * result is that of one reader.
 */
final class SegmentHelper implements AutoCloseable {
  /** Bytes of segments below which one thread scans them all. */
  static final long PARALLEL_MINIMUM = 64L << 20;

  private final long split;
  private final long[] starts;
  private final long[] ends;
  private final int first;
  private final HprofCursor cursor;
  private final ScanResult part = new ScanResult();
  private final SubRecordReader reader;
  private volatile boolean stop;
  /** Where the helper's objects end, and the end of the segment that holds that place. */
  private long stoppedAt;
  private long stoppedSegmentStart;
  private long stoppedSegmentEnd;
  private TwoThreads.Helper thread;

  private SegmentHelper(
      DumpSource source, int idSize, long[] starts, long[] ends, int first, RecordScanner.Slots slots, Strictness strictness) {
    this.starts = starts;
    this.ends = ends;
    this.first = first;
    this.split = starts[first];
    this.cursor = new HprofCursor(source, 4 << 20);
    cursor.idSize(idSize);
    long bound = (ends[ends.length - 1] - split) / 14 + 16;
    part.objectIds = slots.ids(bound);
    part.objectOffsets = slots.offsets(bound);
    this.reader = new SubRecordReader(cursor, part, strictness, source.name());
  }

  /**
   * A helper started on the second half of heap dump {@code chosen}'s first run of segments, or
   * null when the source cannot be read by two threads or the run is too short to be worth it.
   * {@code firstRecord} is where the file's records start.
   */
  static SegmentHelper startOrNull(
      DumpSource source, long firstRecord, int idSize, int chosen, RecordScanner.Slots slots, Strictness strictness) {
    if (!(source instanceof FileDumpSource)) {
      return null;
    }
    long minimum = Long.getLong("hpq.parallelScanMinimum", PARALLEL_MINIMUM);
    List<long[]> run = firstRun(source, firstRecord, chosen);
    if (run.size() < 2) {
      return null;
    }
    long[] starts = new long[run.size()];
    long[] ends = new long[run.size()];
    for (int s = 0; s < run.size(); s++) {
      starts[s] = run.get(s)[0];
      ends[s] = run.get(s)[1];
    }
    long total = ends[ends.length - 1] - starts[0];
    if (total < minimum) {
      return null;
    }
    int first = 1;
    while (first < starts.length - 1 && starts[first] - starts[0] < total / 2) {
      first++;
    }
    SegmentHelper helper = new SegmentHelper(source, idSize, starts, ends, first, slots, strictness);
    helper.thread = TwoThreads.start("hpq-scan-helper", helper::scan);
    return helper;
  }

  /**
   * The first run of consecutive HEAP DUMP SEGMENT records of heap dump {@code chosen}, as [start,
   * end) of each record, header included; found by reading only record headers, and ended by any
   * other record or anything doubtful (a tag 0, a length past the end of the file).
   */
  private static List<long[]> firstRun(DumpSource source, long firstRecord, int chosen) {
    List<long[]> run = new ArrayList<>();
    HprofCursor headers = new HprofCursor(source, 8 << 10);
    long length = source.length();
    long position = firstRecord;
    HeapDumpNumbering heapDumps = new HeapDumpNumbering();
    try {
      while (position + 9 <= length) {
        headers.seek(position);
        int tag = headers.u1();
        headers.i4();
        long bodyLength = headers.u4();
        long end = position + 9 + bodyLength;
        if (tag == 0 || end > length) {
          break;
        }
        int number = heapDumps.next(tag);
        if (tag == RecordTags.TAG_HEAP_DUMP_SEGMENT && number == chosen) {
          run.add(new long[] {position, end});
        } else if (!run.isEmpty() || number > chosen) {
          break;
        }
        position = end;
      }
    } catch (HprofCursor.EndOfDataException e) {
      // The run ends where the headers stop making sense; the scanner will say why.
    }
    return run;
  }

  /** Where the helper starts: the first byte of a HEAP DUMP SEGMENT record. */
  long split() {
    return split;
  }

  private void scan() {
    for (int s = first; s < starts.length && !stop; s++) {
      long end = ends[s];
      cursor.seek(starts[s] + 9);
      while (cursor.position() < end) {
        long before = cursor.position();
        try {
          reader.readObjects(end);
        } catch (HprofFormatException e) {
          // The helper fails, and its work is dropped: the scanner will meet this itself.
          throw new IllegalStateException(e);
        }
        long at = cursor.position();
        if (at >= end) {
          break;
        }
        if (at == before && !readOneObject(at, end)) {
          stoppedAt = at;
          stoppedSegmentStart = starts[s];
          stoppedSegmentEnd = end;
          return;
        }
      }
    }
    stoppedAt = ends[ends.length - 1];
    stoppedSegmentEnd = stoppedAt;
  }

  /** Reads the object sub-record at {@code at} as the scanner would; false (nothing read) for anything else. */
  private boolean readOneObject(long at, long end) {
    int tag = cursor.u1();
    cursor.seek(at);
    if (tag != SubRecordReader.INSTANCE_DUMP && tag != SubRecordReader.OBJECT_ARRAY_DUMP
        && tag != SubRecordReader.PRIMITIVE_ARRAY_DUMP && tag != SubRecordReader.PRIMITIVE_ARRAY_NODATA) {
      return false;
    }
    reader.mark();
    try {
      reader.read(at, end, "HEAP DUMP SEGMENT");
    } catch (HprofFormatException | HprofCursor.EndOfDataException e) {
      reader.rollback();
      cursor.seek(at);
      return false;
    }
    if (cursor.position() > end) {
      reader.rollback();
      cursor.seek(at);
      return false;
    }
    return true;
  }

  /**
   * What the helper noted, for the scanner that reached {@link #split}: the objects from there to
   * {@code stoppedAt}, which is either the end of a segment ({@code segmentEnd}) or the start of a
   * sub-record inside the segment [{@code segmentStart}, {@code segmentEnd}).
   */
  record Part(ScanResult result, long lastId, long stoppedAt, long segmentStart, long segmentEnd) {
    /**
     * Appends the helper's objects to {@code scanned}, after those {@code reader} noted, with the
     * effect of {@code reader} noting them: the figures, the ascending flag and the last id.
     */
    void appendTo(ScanResult scanned, SubRecordReader reader) {
      long count = scanned.objectCount;
      if (result.objectCount > 0) {
        scanned.idsAscending &=
            result.idsAscending && (count == 0 || Long.compareUnsigned(reader.lastId(), result.objectIds.get(0)) < 0);
        scanned.noteFiguresOf(result);
        reader.continueAfter(lastId);
      }
      scanned.objectIds = new JoinedLongArray(scanned.objectIds, count, result.objectIds);
      scanned.objectOffsets = new JoinedLongArray(scanned.objectOffsets, count, result.objectOffsets);
      scanned.objectCount = count + result.objectCount;
    }
  }

  /**
   * Waits for the helper and hands over its objects, which the caller then owns; null when the
   * helper failed (its work is dropped).
   */
  Part finishOrNull() {
    Throwable failure = thread.join();
    if (failure != null) {
      close();
      return null;
    }
    thread = null;
    return new Part(part, reader.lastId(), stoppedAt, stoppedSegmentStart, stoppedSegmentEnd);
  }

  /** Stops the helper and drops its work, unless {@link #finish} handed it over. */
  @Override
  public void close() {
    if (thread == null) {
      return;
    }
    stop = true;
    thread.join();
    thread = null;
    part.objectIds.close();
    part.objectOffsets.close();
  }
}
