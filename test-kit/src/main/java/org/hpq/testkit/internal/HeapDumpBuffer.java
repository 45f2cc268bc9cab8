package org.hpq.testkit.internal;

import java.util.ArrayList;
import java.util.List;
import org.hpq.testkit.HeapDumpLayout;

/**
 * Collects the sub-records of one heap dump, then emits them as HEAP DUMP or HEAP DUMP SEGMENT
 * records according to a {@link HeapDumpLayout}.
 *
 * <p>Sub-records are buffered so that the dump can be cut into segments at sub-record boundaries
 * (or anywhere, when splitting) once its content is known. Not thread-safe.
 */
public final class HeapDumpBuffer {
  /** Top-level tag of HEAP DUMP. */
  public static final int HEAP_DUMP = 0x0C;
  /** Top-level tag of HEAP DUMP SEGMENT. */
  public static final int HEAP_DUMP_SEGMENT = 0x1C;
  /** Top-level tag of HEAP DUMP END. */
  public static final int HEAP_DUMP_END = 0x2C;

  private final HeapDumpLayout layout;
  private final ByteSink subRecords;
  private final List<Integer> subRecordStarts = new ArrayList<>();
  private final List<Interruption> interruptions = new ArrayList<>();

  private record Interruption(int position, byte[] rawBytes) {}

  /** An empty dump to be emitted with {@code layout}. */
  public HeapDumpBuffer(HeapDumpLayout layout, int identifierSize) {
    this.layout = layout;
    this.subRecords = new ByteSink(identifierSize);
  }

  /** Starts a new sub-record and returns the sink to write its tag and body to. */
  public ByteSink startSubRecord() {
    subRecordStarts.add(subRecords.size());
    return subRecords;
  }

  /** Ends the current segment here and writes {@code rawBytes} between it and the next one. */
  public void interrupt(byte[] rawBytes) {
    interruptions.add(new Interruption(subRecords.size(), rawBytes.clone()));
  }

  /** Number of sub-record bytes written so far. */
  public int size() {
    return subRecords.size();
  }

  /** Writes the dump's records to {@code target}, each with {@code recordTime} as time. */
  public void emit(ByteSink target, long recordTime) {
    int pieceStart = 0;
    int startIndex = 0;
    boolean emittedAny = false;
    for (Interruption interruption : interruptions) {
      int pieceEnd = interruption.position();
      startIndex = emitPiece(target, recordTime, pieceStart, pieceEnd, startIndex);
      emittedAny |= pieceEnd > pieceStart;
      target.bytes(interruption.rawBytes());
      pieceStart = pieceEnd;
    }
    int end = subRecords.size();
    if (end > pieceStart || !emittedAny) {
      emitPiece(target, recordTime, pieceStart, end, startIndex);
      if (end == pieceStart) {
        writeRecord(target, recordTime, pieceStart, 0);
      }
    }
    if (layout.writeEndRecord()) {
      target.u1(HEAP_DUMP_END).u4(recordTime).u4(0);
    }
  }

  /** Emits bytes [start, end); returns the index of the first sub-record start at or past end. */
  private int emitPiece(ByteSink target, long recordTime, int start, int end, int startIndex) {
    int index = startIndex;
    while (index < subRecordStarts.size() && subRecordStarts.get(index) < end) {
      index++;
    }
    if (end <= start) {
      return index;
    }
    if (!layout.segmented()) {
      writeRecord(target, recordTime, start, end - start);
    } else if (layout.splitSubRecords()) {
      for (int offset = start; offset < end; offset += layout.segmentSize()) {
        writeRecord(target, recordTime, offset, Math.min(layout.segmentSize(), end - offset));
      }
    } else {
      int segmentStart = start;
      for (int i = startIndex; i < index; i++) {
        int subRecordStart = subRecordStarts.get(i);
        int subRecordEnd = i + 1 < index ? subRecordStarts.get(i + 1) : end;
        boolean overflows = subRecordEnd - segmentStart > layout.segmentSize();
        if (overflows && subRecordStart > segmentStart) {
          writeRecord(target, recordTime, segmentStart, subRecordStart - segmentStart);
          segmentStart = subRecordStart;
        }
      }
      writeRecord(target, recordTime, segmentStart, end - segmentStart);
    }
    return index;
  }

  private void writeRecord(ByteSink target, long recordTime, int offset, int length) {
    target.u1(layout.segmented() ? HEAP_DUMP_SEGMENT : HEAP_DUMP).u4(recordTime).u4(length);
    subRecords.copyTo(target, offset, length);
  }
}
