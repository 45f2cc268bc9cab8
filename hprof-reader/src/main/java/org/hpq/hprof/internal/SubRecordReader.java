package org.hpq.hprof.internal;

import it.unimi.dsi.fastutil.longs.LongArrayList;
import java.lang.invoke.MethodHandles;
import java.lang.invoke.VarHandle;
import java.nio.ByteOrder;
import org.hpq.hprof.BasicType;
import org.hpq.hprof.HprofFormatException;
import org.hpq.hprof.RootKind;
import org.hpq.hprof.Strictness;

/**
 * Reads one heap-dump sub-record during the first pass: roots and class dumps are kept whole,
 * instances and arrays are noted by id and offset and their contents skipped.
 */
final class SubRecordReader {
  static final int CLASS_DUMP = 0x20;
  static final int INSTANCE_DUMP = 0x21;
  static final int OBJECT_ARRAY_DUMP = 0x22;
  static final int PRIMITIVE_ARRAY_DUMP = 0x23;
  static final int PRIMITIVE_ARRAY_NODATA = 0xC3;
  static final int HEAP_DUMP_INFO = 0xFE;

  private final HprofCursor in;
  private final ScanResult result;
  private final Strictness strictness;
  private final String file;
  private long lastId = Long.MIN_VALUE;
  private long markedObjects;
  private int markedClassDumps;
  private int markedRoots;
  private long markedLastId;
  private boolean markedAscending;

  SubRecordReader(HprofCursor in, ScanResult result, Strictness strictness, String file) {
    this.in = in;
    this.result = result;
    this.strictness = strictness;
    this.file = file;
  }

  /** The id of the last object noted. */
  long lastId() {
    return lastId;
  }

  /** Goes on after objects another reader noted, the last of them with id {@code id}. */
  void continueAfter(long id) {
    lastId = id;
  }

  /** Remembers what has been read, so that {@link #rollback} can forget a sub-record read after. */
  void mark() {
    markedObjects = result.objectCount;
    markedClassDumps = result.classDumps.size();
    markedRoots = result.roots.size();
    markedLastId = lastId;
    markedAscending = result.idsAscending;
  }

  /** Forgets whatever the sub-record read since {@link #mark} added. */
  void rollback() {
    result.objectCount = markedObjects;
    while (result.classDumps.size() > markedClassDumps) {
      result.classDumps.remove(result.classDumps.size() - 1);
    }
    while (result.roots.size() > markedRoots) {
      result.roots.remove(result.roots.size() - 1);
    }
    lastId = markedLastId;
    result.idsAscending = markedAscending;
  }

  /** Element sizes of primitive array types by HPROF type tag; 0 for tags that are not one. */
  private static final int[] PRIMITIVE_SIZES = new int[256];

  static {
    for (BasicType type : BasicType.values()) {
      if (type != BasicType.OBJECT) {
        PRIMITIVE_SIZES[type.tag()] = type.size();
      }
    }
  }

  private static final VarHandle BIG_ENDIAN_INT =
      MethodHandles.byteArrayViewVarHandle(int[].class, ByteOrder.BIG_ENDIAN);
  private static final VarHandle BIG_ENDIAN_LONG =
      MethodHandles.byteArrayViewVarHandle(long[].class, ByteOrder.BIG_ENDIAN);
  private static final int BATCH = 4096;
  private final long[] batchIds = new long[BATCH];
  private final long[] batchOffsets = new long[BATCH];

  /**
   * Notes the instance and array sub-records from the cursor's position on, with the effect of
   * {@link #read} on each, but decoded straight from the cursor's buffer: the scan of a dump with
   * ninety million objects spends most of its time here. Stops, leaving the cursor at the
   * sub-record, at the first one that is of another kind, not whole in the buffer, not whole
   * inside {@code end}, or doubtful in any way: {@link #read} then handles it with all its checks.
   */
  void readObjects(long end) throws HprofFormatException {
    byte[] b = in.buffer();
    int i = in.bufferIndex();
    int limit = in.bufferLimit();
    long base = in.position() - i;
    int idSize = in.idSize();
    int header = 2 * idSize + 9;
    long capacity = result.objectIds.size();
    long count = result.objectCount;
    long last = lastId;
    boolean ascending = result.idsAscending;
    int batched = 0;
    while (i + header <= limit) {
      long start = base + i;
      int tag = b[i] & 0xFF;
      long id = idSize == 8 ? (long) BIG_ENDIAN_LONG.get(b, i + 1) : (int) BIG_ENDIAN_INT.get(b, i + 1) & 0xFFFF_FFFFL;
      long total;
      if (tag == INSTANCE_DUMP) {
        total = header + ((int) BIG_ENDIAN_INT.get(b, i + 5 + 2 * idSize) & 0xFFFF_FFFFL);
      } else if (tag == OBJECT_ARRAY_DUMP) {
        total = header + ((int) BIG_ENDIAN_INT.get(b, i + 5 + idSize) & 0xFFFF_FFFFL) * idSize;
      } else if (tag == PRIMITIVE_ARRAY_DUMP) {
        int elementSize = PRIMITIVE_SIZES[b[i + 9 + idSize] & 0xFF];
        if (elementSize == 0) {
          break;
        }
        total = idSize + 10 + ((int) BIG_ENDIAN_INT.get(b, i + 5 + idSize) & 0xFFFF_FFFFL) * elementSize;
      } else {
        break;
      }
      if (start + total > end || count + batched >= capacity) {
        break;
      }
      if (tag != INSTANCE_DUMP && total > result.largestArrayBytes) {
        result.largestArrayBytes = total;
      }
      noteSize(total);
      batchIds[batched] = id;
      batchOffsets[batched] = start;
      if (++batched == BATCH) {
        flush(count, batched);
        count += batched;
        batched = 0;
      }
      if (Long.compareUnsigned(id, last) <= 0 && last != Long.MIN_VALUE) {
        ascending = false;
      }
      last = id;
      if (i + total > limit) {
        i = -1;
        in.seek(start + total);
        break;
      }
      i += (int) total;
    }
    flush(count, batched);
    result.objectCount = count + batched;
    lastId = last;
    result.idsAscending = ascending;
    if (i >= 0) {
      in.seek(base + i);
    }
  }

  private void flush(long at, int batched) {
    if (batched > 0) {
      for (int k = 0; k < batched; k++) {
        result.noteId(batchIds[k]);
      }
      result.objectIds.set(at, batchIds, 0, batched);
      result.objectOffsets.set(at, batchOffsets, 0, batched);
    }
  }

  /** Counts an object of {@code bytes} field or element bytes if it is large. */
  private void noteSize(long bytes) {
    if (bytes >= ScanResult.LARGE_OBJECT_BYTES) {
      result.largeObjects++;
    }
  }

  /** Reads the sub-record at {@code start}; {@code end} is the enclosing record's end. */
  void read(long start, long end, String recordName) throws HprofFormatException {
    int tag = in.u1();
    switch (tag) {
      case INSTANCE_DUMP -> {
        long id = in.id();
        in.i4();
        in.id();
        long size = in.u4();
        checkFits(start, size, "INSTANCE DUMP", "field bytes");
        noteSize(size);
        addObject(id, start);
        in.skip(size);
      }
      case OBJECT_ARRAY_DUMP -> {
        long id = in.id();
        in.i4();
        long length = in.u4();
        in.id();
        checkFits(start, length * in.idSize(), "OBJ ARRAY DUMP", "elements");
        result.largestArrayBytes = Math.max(result.largestArrayBytes, length * in.idSize());
        noteSize(length * in.idSize());
        addObject(id, start);
        in.skip(length * in.idSize());
      }
      case PRIMITIVE_ARRAY_DUMP, PRIMITIVE_ARRAY_NODATA -> {
        long id = in.id();
        in.i4();
        long length = in.u4();
        int type = in.u1();
        BasicType basic = BasicType.ofTagOrNull(type);
        String name = tag == PRIMITIVE_ARRAY_DUMP ? "PRIM ARRAY DUMP" : "PRIM ARRAY NODATA";
        if (basic == null || basic == BasicType.OBJECT) {
          throw new HprofFormatException(file, start, name, "element type " + type + " is not a primitive type");
        }
        long bytes = tag == PRIMITIVE_ARRAY_DUMP ? length * basic.size() : 0;
        checkFits(start, bytes, name, "elements");
        result.largestArrayBytes = Math.max(result.largestArrayBytes, length * basic.size());
        noteSize(length * basic.size());
        addObject(id, start);
        in.skip(bytes);
      }
      case CLASS_DUMP -> readClassDump(start);
      case HEAP_DUMP_INFO -> {
        in.i4();
        in.id();
      }
      default -> readRootOrFail(tag, start, recordName);
    }
  }

  private void readRootOrFail(int tag, long start, String recordName) throws HprofFormatException {
    RootKind kind = RootKind.ofTagOrNull(tag);
    if (kind == null) {
      throw new HprofFormatException(
          file, start, recordName, String.format("unknown sub-record tag 0x%02x", tag));
    }
    long id = in.id();
    int thread = -1;
    int frame = -1;
    long extra = 0;
    switch (kind) {
      case JNI_GLOBAL -> extra = in.id();
      case JNI_LOCAL, JAVA_FRAME, JNI_MONITOR -> {
        thread = in.i4();
        frame = in.i4();
      }
      case NATIVE_STACK, THREAD_BLOCK -> thread = in.i4();
      case THREAD_OBJECT -> {
        thread = in.i4();
        extra = in.i4();
      }
      default -> {
        // Roots with only an id.
      }
    }
    result.roots.add(new RootRecord(kind, id, thread, frame, extra, start));
  }

  private void readClassDump(long start) throws HprofFormatException {
    long classId = in.id();
    in.i4();
    long superId = in.id();
    long loaderId = in.id();
    long signersId = in.id();
    long protectionDomainId = in.id();
    in.id();
    in.id();
    long instanceSize = in.u4();
    int constants = in.u2();
    LongArrayList constantReferences = new LongArrayList();
    for (int i = 0; i < constants; i++) {
      in.u2();
      int type = basicTypeTag(start, in.u1());
      long value = in.value(type);
      if (type == BasicType.OBJECT.tag() && value != 0) {
        constantReferences.add(value);
      }
    }
    int statics = in.u2();
    long[] staticNames = new long[statics];
    byte[] staticTypes = new byte[statics];
    long[] staticValues = new long[statics];
    for (int i = 0; i < statics; i++) {
      staticNames[i] = in.id();
      staticTypes[i] = (byte) basicTypeTag(start, in.u1());
      staticValues[i] = in.value(staticTypes[i]);
    }
    int fields = in.u2();
    long[] fieldNames = new long[fields];
    byte[] fieldTypes = new byte[fields];
    for (int i = 0; i < fields; i++) {
      fieldNames[i] = in.id();
      fieldTypes[i] = (byte) basicTypeTag(start, in.u1());
    }
    result.classDumps.add(
        new ClassDumpRecord(
            classId,
            start,
            superId,
            loaderId,
            signersId,
            protectionDomainId,
            instanceSize,
            staticNames,
            staticTypes,
            staticValues,
            fieldNames,
            fieldTypes,
            constantReferences.toLongArray()));
    addObject(classId, start);
  }

  private int basicTypeTag(long start, int tag) throws HprofFormatException {
    if (BasicType.ofTagOrNull(tag) == null) {
      throw new HprofFormatException(file, start, "CLASS DUMP", "unknown basic type " + tag);
    }
    return tag;
  }

  private void checkFits(long start, long bytes, String record, String what)
      throws HprofFormatException {
    if (bytes > in.remaining()) {
      throw new HprofFormatException(
          file,
          start,
          record,
          String.format("%d bytes of %s run past the end of the data (%d left)", bytes, what, in.remaining()));
    }
  }

  private void addObject(long id, long offset) throws HprofFormatException {
    long n = result.objectCount;
    if (n >= result.objectIds.size()) {
      throw new HprofFormatException(file, offset, "heap dump", "more objects than the file can hold");
    }
    result.objectIds.set(n, id);
    result.objectOffsets.set(n, offset);
    result.noteId(id);
    result.objectCount = n + 1;
    if (Long.compareUnsigned(id, lastId) <= 0 && lastId != Long.MIN_VALUE) {
      result.idsAscending = false;
    }
    lastId = id;
  }
}
