package org.hpq.hprof.internal;

import java.nio.charset.StandardCharsets;
import org.hpq.hprof.HprofFormatException;
import org.hpq.hprof.ProgressListener;
import org.hpq.hprof.RootKind;
import org.hpq.hprof.Strictness;
import org.hpq.hprof.io.DumpSource;
import org.hpq.hprof.store.BigArrays;

/**
 * The first pass over a dump: reads every top-level record, keeps symbols, classes, stacks and
 * roots, and notes the id and offset of every object of the chosen heap dump without decoding its
 * contents. Every length is checked against the data before it is used, so no length field can
 * cause a large allocation or a loop that does not advance.
 */
public final class RecordScanner {
  static final int TAG_UTF8 = 0x01;
  static final int TAG_LOAD_CLASS = 0x02;
  static final int TAG_STACK_FRAME = 0x04;
  static final int TAG_STACK_TRACE = 0x05;
  static final int TAG_HEAP_DUMP = 0x0C;
  static final int TAG_HEAP_DUMP_SEGMENT = 0x1C;
  static final int TAG_HEAP_DUMP_END = 0x2C;

  private static final int MAX_UTF8_BYTES = 1 << 24;

  private final DumpSource source;
  private final Strictness strictness;
  private final int chosenHeapDump;
  private final ProgressListener progress;
  private final BigArrays arrays;
  private final HprofCursor in;
  private final ScanResult result = new ScanResult();
  private final SubRecordReader subRecords;
  private int heapDumpsSeen;
  private boolean inHeapDump;

  public RecordScanner(
      DumpSource source,
      Strictness strictness,
      int chosenHeapDump,
      BigArrays arrays,
      ProgressListener progress) {
    this.source = source;
    this.strictness = strictness;
    this.chosenHeapDump = chosenHeapDump;
    this.arrays = arrays;
    this.progress = progress;
    this.in = new HprofCursor(source, 4 << 20);
    this.subRecords = new SubRecordReader(in, result, strictness, source.name());
  }

  public ScanResult scan() throws HprofFormatException {
    readHeader();
    long bound = in.length() / 17 + 16;
    result.objectIds = arrays.newLongArray(bound);
    result.objectOffsets = arrays.newLongArray(bound);
    long nextReport = 0;
    while (in.remaining() > 0) {
      if (in.position() >= nextReport) {
        progress.progress("scanning records", in.position(), in.length());
        nextReport = in.position() + (64 << 20);
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
      if (length > in.remaining()) {
        if (truncated(
            recordStart,
            recordName(tag),
            "length " + length + " runs past the end of the data (" + in.remaining() + " left)")) {
          break;
        }
      }
      try {
        readRecord(tag, bodyStart, length);
      } catch (HprofCursor.EndOfDataException e) {
        if (truncated(e.position(), recordName(tag), "record ends past the end of the data")) {
          break;
        }
      } catch (TruncatedHeapDumpException e) {
        break;
      }
    }
    if (result.endOffset == 0) {
      result.endOffset = in.length();
    }
    result.heapDumpCount = heapDumpsSeen;
    if (chosenHeapDump >= heapDumpsSeen && heapDumpsSeen > 0) {
      throw new HprofFormatException(
          source.name(),
          0,
          "file",
          "heap dump " + chosenHeapDump + " asked for, but the file holds " + heapDumpsSeen);
    }
    progress.progress("scanning records", in.length(), in.length());
    return result;
  }

  private void readHeader() throws HprofFormatException {
    StringBuilder version = new StringBuilder();
    try {
      for (int i = 0; i < 32; i++) {
        int b = in.u1();
        if (b == 0) {
          break;
        }
        version.append((char) b);
      }
      String text = version.toString();
      if (!text.startsWith("JAVA PROFILE 1.0.")) {
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

  private void readRecord(int tag, long bodyStart, long length) throws HprofFormatException {
    long end = bodyStart + length;
    switch (tag) {
      case TAG_UTF8 -> readUtf8(bodyStart, length);
      case TAG_LOAD_CLASS -> {
        int serial = in.i4();
        long classId = in.id();
        in.i4();
        long nameId = in.id();
        result.classSerials.put(serial, classId);
        result.classNameIds.put(classId, nameId);
      }
      case TAG_STACK_FRAME -> {
        long frameId = in.id();
        StackFrameRecord frame =
            new StackFrameRecord(frameId, in.id(), in.id(), in.id(), in.i4(), in.i4());
        result.frames.put(frameId, frame);
      }
      case TAG_STACK_TRACE -> readStackTrace(bodyStart, length);
      case TAG_HEAP_DUMP, TAG_HEAP_DUMP_SEGMENT -> {
        if (!inHeapDump) {
          inHeapDump = true;
          heapDumpsSeen++;
        }
        if (heapDumpsSeen - 1 == chosenHeapDump) {
          readHeapDump(tag, bodyStart, end);
        }
        if (tag == TAG_HEAP_DUMP) {
          inHeapDump = false;
        }
      }
      case TAG_HEAP_DUMP_END -> inHeapDump = false;
      default -> {
        // Old agent records and unknown tags: skipped by their length.
      }
    }
    in.seek(end);
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

  private void readHeapDump(int tag, long bodyStart, long end) throws HprofFormatException {
    String name = recordName(tag);
    in.seek(bodyStart);
    while (in.position() < end) {
      long start = in.position();
      try {
        subRecords.read(start, end, name);
      } catch (HprofCursor.EndOfDataException e) {
        if (truncated(start, name, "sub-record ends past the end of the data")) {
          throw new TruncatedHeapDumpException();
        }
      } catch (HprofFormatException e) {
        if (!strictness.truncates()) {
          throw e;
        }
        result.warnings.add(e.getMessage() + "; the rest of this segment is skipped");
        break;
      }
      if (in.position() > end) {
        String problem =
            String.format("sub-record at 0x%x crosses the end of its record at 0x%x", start, end);
        if (!strictness.repairs()) {
          throw new HprofFormatException(source.name(), start, name, problem);
        }
        result.warnings.add(problem + "; reading goes on after it");
        end = in.position();
      }
      if (Thread.interrupted()) {
        throw new CancelledException();
      }
    }
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

  /** Thrown inside the scanner to stop at a permissive truncation. */
  private static final class TruncatedHeapDumpException extends RuntimeException {}

  static String utf8(byte[] bytes) {
    return new String(bytes, StandardCharsets.UTF_8);
  }
}
