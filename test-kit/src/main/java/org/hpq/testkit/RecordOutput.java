package org.hpq.testkit;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import org.hpq.testkit.internal.ByteSink;
import org.hpq.testkit.internal.HeapDumpBuffer;

/**
 * The bytes of one synthetic HPROF file for {@link HprofWriter}: the header, top-level records
 * stamped with the current record time, and the heap dump being buffered.
 *
 * <p>Top-level records go straight to the file; sub-records go to the open heap dump, which
 * reaches the file only when it is ended. So a record written while a dump is open lands before
 * that dump, as in HotSpot's files. Not thread-safe.
 */
final class RecordOutput {
  private final int identifierSize;
  private final ByteSink file;
  private HeapDumpLayout defaultLayout;
  private HeapDumpBuffer heapDump;
  private long recordTime;

  /** Writes the header; version 1.0.1 defaults to one HEAP DUMP record, the others to segments. */
  RecordOutput(String formatName, int identifierSize, long timestampMillis) {
    this.identifierSize = identifierSize;
    this.file = new ByteSink(identifierSize);
    this.defaultLayout =
        formatName.equals(HprofVersion.V1_0_1.formatName())
            ? HeapDumpLayout.singleRecord()
            : HeapDumpLayout.hotSpotSegments();
    file.utf8(formatName).u1(0).u4(identifierSize).u8(timestampMillis);
  }

  int identifierSize() {
    return identifierSize;
  }

  /** An empty sink for a record body, with this file's identifier size. */
  ByteSink newBody() {
    return new ByteSink(identifierSize);
  }

  void recordTime(long microseconds) {
    this.recordTime = microseconds;
  }

  void defaultHeapDumpLayout(HeapDumpLayout layout) {
    this.defaultLayout = layout;
  }

  /** Writes a record header declaring {@code declaredLength} (low 32 bits), then {@code body}. */
  void record(int tag, long declaredLength, byte[] body) {
    file.u1(tag).u4(recordTime).u4(declaredLength).bytes(body);
  }

  /** Writes bytes at top level, outside any record. */
  void rawBytes(byte[] bytes) {
    file.bytes(bytes);
  }

  /** The bytes of one top-level record with time 0, for writing elsewhere. */
  byte[] recordBytes(int tag, byte[] body) {
    return newBody().u1(tag).u4(0).u4(body.length).bytes(body).toByteArray();
  }

  /** Opens a heap dump with the default layout. */
  void beginHeapDump() {
    beginHeapDump(defaultLayout);
  }

  /** Opens a heap dump with {@code layout}; throws {@link IllegalStateException} if one is open. */
  void beginHeapDump(HeapDumpLayout layout) {
    if (heapDump != null) {
      throw new IllegalStateException("a heap dump is already open");
    }
    heapDump = new HeapDumpBuffer(layout, identifierSize);
  }

  /** Emits the open heap dump; throws {@link IllegalStateException} if none is open. */
  void endHeapDump() {
    if (heapDump == null) {
      throw new IllegalStateException("no heap dump is open");
    }
    heapDump.emit(file, recordTime);
    heapDump = null;
  }

  boolean heapDumpOpen() {
    return heapDump != null;
  }

  /** Cuts the open (or implicitly opened) heap dump here and puts {@code rawBytes} in the cut. */
  void interruptHeapDump(byte[] rawBytes) {
    openHeapDump().interrupt(rawBytes);
  }

  /** Starts a sub-record (tag not yet written) in the open or implicitly opened heap dump. */
  ByteSink startSubRecord() {
    return openHeapDump().startSubRecord();
  }

  /** Starts a sub-record and writes its tag. */
  ByteSink subRecord(int tag) {
    return startSubRecord().u1(tag);
  }

  /** The file so far, after emitting an open heap dump (which is then closed). */
  byte[] toBytes() {
    if (heapDump != null) {
      endHeapDump();
    }
    return file.toByteArray();
  }

  /** Writes {@code bytes} to {@code file}; returns {@code file}; IO errors are unchecked. */
  static Path writeFile(Path file, byte[] bytes) {
    try {
      return Files.write(file, bytes);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  private HeapDumpBuffer openHeapDump() {
    if (heapDump == null) {
      beginHeapDump();
    }
    return heapDump;
  }
}
