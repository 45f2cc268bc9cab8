package org.hpq.testkit;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.ByteOrder;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.hpq.testkit.internal.ByteSink;
import org.hpq.testkit.internal.ClassLayout;
import org.hpq.testkit.internal.HeapDumpBuffer;
import org.hpq.testkit.internal.IdAllocator;
import org.hpq.testkit.internal.ValueEncoder;

/**
 * Writes synthetic HPROF files, byte for byte as described in {@code hprof-format.md}.
 *
 * <p>Three levels: high-level helpers that allocate ids and keep class layouts ({@link
 * #defineClass}, {@link #instance}, {@link #string}, {@link #writeMinimalJdkClasses}, {@link
 * #thread}); one method per record and sub-record with every field explicit; and escape hatches
 * for malformed files ({@link #rawBytes}, {@link #recordWithDeclaredLength}, {@link
 * #rawSubRecord}, {@link #heapDumpInterruption}, declared lengths in the array dumps, and cutting
 * {@link #toBytes()}).
 *
 * <p>Ordering: sub-record methods open a heap dump if none is open. A heap dump's sub-records are
 * buffered until {@link #endHeapDump()} (or an output method) emits them, so top-level records
 * written while a dump is open (names, LOAD CLASS, frames, traces) land <em>before</em> it, in the
 * order HotSpot writes them. Several heap dumps: call {@link #endHeapDump()} and keep writing.
 *
 * <p>Ids: automatic object ids are 8-byte aligned, increasing, start at {@link
 * #FIRST_OBJECT_ID_8} (8-byte ids) or {@link #FIRST_OBJECT_ID_4}, and are spaced by an estimated
 * shallow size (compressed-oops layout). Name (UTF8) ids come from a separate range. Any method
 * taking an explicit id accepts any value, so tests can write duplicates, dangling references and
 * loops. Ids are written as their low identifier-size bytes.
 *
 * <p>The file is built in memory (tests only; at most 2 GiB). Not thread-safe.
 */
public final class HprofWriter {
  /** Timestamp written by {@link #create()}: 2023-11-14T22:13:20Z in milliseconds. */
  public static final long DEFAULT_TIMESTAMP = 1_700_000_000_000L;
  /** First automatic object id with 8-byte identifiers. */
  public static final long FIRST_OBJECT_ID_8 = 0x7_0000_0000L;
  /** First automatic object id with 4-byte identifiers. */
  public static final long FIRST_OBJECT_ID_4 = 0x1000L;

  private final int identifierSize;
  private final ByteSink out;
  private final IdAllocator objectIds;
  private final IdAllocator nameIds;
  private final Map<String, Long> nameIdsByText = new HashMap<>();
  private final Map<Long, ClassLayout> classesById = new HashMap<>();
  private final Map<String, Long> classIdsByName = new HashMap<>();
  private HeapDumpBuffer heapDump;
  private HeapDumpLayout defaultLayout;
  private long recordTime;
  private int defaultTraceSerial;
  private StringLayout stringLayout = StringLayout.COMPACT;
  private ByteOrder utf16ByteOrder = ByteOrder.LITTLE_ENDIAN;
  private long nextFrameId = 1;
  private int nextClassSerial = 1;
  private int nextTraceSerial = 1;
  private int nextThreadSerial = 1;

  private HprofWriter(String formatName, int identifierSize, long timestampMillis) {
    this.identifierSize = identifierSize;
    this.out = new ByteSink(identifierSize);
    this.objectIds = new IdAllocator(identifierSize >= 8 ? FIRST_OBJECT_ID_8 : FIRST_OBJECT_ID_4);
    this.nameIds = new IdAllocator(identifierSize >= 8 ? 0x7f00_0000_0000L : 0x4000_0000L);
    this.defaultLayout =
        formatName.equals(HprofVersion.V1_0_1.formatName())
            ? HeapDumpLayout.singleRecord()
            : HeapDumpLayout.hotSpotSegments();
    out.utf8(formatName).u1(0).u4(identifierSize).u8(timestampMillis);
  }

  /** A HotSpot-style writer: {@code JAVA PROFILE 1.0.2}, 8-byte ids, 1 MiB segments. */
  public static HprofWriter create() {
    return create(HprofVersion.V1_0_2, 8);
  }

  /**
   * A writer for {@code version} with 4- or 8-byte ids and {@link #DEFAULT_TIMESTAMP}. Version
   * 1.0.1 defaults to one HEAP DUMP record per dump, the others to 1 MiB segments.
   */
  public static HprofWriter create(HprofVersion version, int identifierSize) {
    return create(version.formatName(), identifierSize, DEFAULT_TIMESTAMP);
  }

  /**
   * A writer whose header holds any format name (use this for malformed headers), an identifier
   * size of 1 to 8 bytes and the given timestamp.
   */
  public static HprofWriter create(String formatName, int identifierSize, long timestampMillis) {
    return new HprofWriter(formatName, identifierSize, timestampMillis);
  }

  // ---------------------------------------------------------------- settings and lookups

  /** Bytes per identifier. */
  public int identifierSize() {
    return identifierSize;
  }

  /** Sets the u4 microseconds-since-header written in the header of later records. */
  public HprofWriter recordTime(long microseconds) {
    this.recordTime = microseconds;
    return this;
  }

  /** Sets the layout used by heap dumps that are opened implicitly or by {@link #beginHeapDump()}. */
  public HprofWriter defaultHeapDumpLayout(HeapDumpLayout layout) {
    this.defaultLayout = layout;
    return this;
  }

  /** Sets the stack trace serial written in objects, arrays and classes (default 0). */
  public HprofWriter defaultTraceSerial(int serial) {
    this.defaultTraceSerial = serial;
    return this;
  }

  /** The stack trace serial written in objects unless given. */
  public int defaultTraceSerial() {
    return defaultTraceSerial;
  }

  /** Sets the String layout {@link #string} writes (also set by {@link #writeMinimalJdkClasses}). */
  public HprofWriter stringLayout(StringLayout layout) {
    this.stringLayout = layout;
    return this;
  }

  /** Sets the byte order of UTF-16 String contents (default little-endian, as on x86 VMs). */
  public HprofWriter utf16ByteOrder(ByteOrder order) {
    this.utf16ByteOrder = order;
    return this;
  }

  /** A fresh automatic object id with a 16-byte gap, for forward references and cycles. */
  public long reserveObjectId() {
    return objectIds.allocate(16);
  }

  /** A fresh automatic object id followed by a gap of {@code estimatedSize} bytes (rounded to 8). */
  public long reserveObjectId(long estimatedSize) {
    return objectIds.allocate(estimatedSize);
  }

  /**
   * The id of the first class defined with this name (Java or internal form).
   *
   * @throws IllegalArgumentException if no class of that name was defined
   */
  public long findClassId(String className) {
    Long id = classIdsByName.get(ClassNames.toInternal(className));
    if (id == null) {
      throw new IllegalArgumentException("class not defined: " + className);
    }
    return id;
  }

  /** The LOAD CLASS serial of a defined class; 0 if unknown or written without LOAD CLASS. */
  public int classSerial(long classId) {
    ClassLayout layout = classesById.get(classId);
    return layout == null ? 0 : layout.serial();
  }

  // ---------------------------------------------------------------- top-level records

  /** Writes a UTF8 record for {@code text} once and returns its id (the same id on later calls). */
  public long utf8(String text) {
    Long existing = nameIdsByText.get(text);
    if (existing != null) {
      return existing;
    }
    long id = nameIds.allocate(16);
    nameIdsByText.put(text, id);
    utf8(id, text);
    return id;
  }

  /** Writes a UTF8 record with an explicit id (duplicates allowed). */
  public HprofWriter utf8(long id, String text) {
    return utf8Bytes(id, text.getBytes(java.nio.charset.StandardCharsets.UTF_8));
  }

  /** Writes a UTF8 record with raw (possibly invalid) bytes. */
  public HprofWriter utf8Bytes(long id, byte[] bytes) {
    ByteSink body = new ByteSink(identifierSize).id(id).bytes(bytes);
    return record(0x01, body.toByteArray());
  }

  /** Writes LOAD CLASS (0x02). */
  public HprofWriter loadClass(int classSerial, long classId, int traceSerial, long nameId) {
    ByteSink body = new ByteSink(identifierSize);
    body.u4(classSerial).id(classId).u4(traceSerial).id(nameId);
    return record(0x02, body.toByteArray());
  }

  /** Writes UNLOAD CLASS (0x03). */
  public HprofWriter unloadClass(int classSerial) {
    return record(0x03, new ByteSink(identifierSize).u4(classSerial).toByteArray());
  }

  /** Writes STACK FRAME (0x04). */
  public HprofWriter stackFrame(
      long frameId, long methodNameId, long signatureId, long sourceFileId, int classSerial,
      int line) {
    ByteSink body = new ByteSink(identifierSize);
    body.id(frameId).id(methodNameId).id(signatureId).id(sourceFileId).u4(classSerial).u4(line);
    return record(0x04, body.toByteArray());
  }

  /** Writes STACK TRACE (0x05) with the given frame ids, innermost first. */
  public HprofWriter stackTrace(int serial, int threadSerial, long... frameIds) {
    ByteSink body = new ByteSink(identifierSize).u4(serial).u4(threadSerial).u4(frameIds.length);
    for (long frameId : frameIds) {
      body.id(frameId);
    }
    return record(0x05, body.toByteArray());
  }

  /**
   * Writes HotSpot's dummy STACK TRACE (next serial, thread 0, no frames) and makes its serial
   * the {@link #defaultTraceSerial()}; returns the serial.
   */
  public int writeDummyStackTrace() {
    int serial = nextTraceSerial++;
    stackTrace(serial, 0);
    defaultTraceSerial = serial;
    return serial;
  }

  /**
   * Writes a thread: names and STACK FRAME records for {@code frames} (innermost first), a STACK
   * TRACE, and a ROOT THREAD OBJECT for {@code threadObjectId}. Serials are assigned
   * automatically. Add ROOT JAVA FRAME roots with {@link #rootJavaFrame} and the returned serial.
   */
  public ThreadHandle thread(long threadObjectId, StackFrameSpec... frames) {
    int threadSerial = nextThreadSerial++;
    int traceSerial = nextTraceSerial++;
    long[] frameIds = new long[frames.length];
    for (int i = 0; i < frames.length; i++) {
      StackFrameSpec frame = frames[i];
      frameIds[i] = nextFrameId++;
      stackFrame(
          frameIds[i],
          utf8(frame.methodName()),
          utf8(frame.signature()),
          utf8(frame.sourceFile()),
          classSerial(frame.classId()),
          frame.line());
    }
    stackTrace(traceSerial, threadSerial, frameIds);
    rootThreadObject(threadObjectId, threadSerial, traceSerial);
    return new ThreadHandle(threadObjectId, threadSerial, traceSerial, frameIds);
  }

  /** Writes a record with any tag (known or not) and a correct length. */
  public HprofWriter record(int tag, byte[] body) {
    return recordWithDeclaredLength(tag, body.length, body);
  }

  /** Writes a record whose header declares {@code declaredLength} (low 32 bits) whatever the body. */
  public HprofWriter recordWithDeclaredLength(int tag, long declaredLength, byte[] body) {
    out.u1(tag).u4(recordTime).u4(declaredLength).bytes(body);
    return this;
  }

  /** Writes raw bytes at top level (garbage between records, a hand-made header...). */
  public HprofWriter rawBytes(byte[] bytes) {
    out.bytes(bytes);
    return this;
  }

  // ---------------------------------------------------------------- heap dump framing

  /** Opens a heap dump with the default layout; throws if one is open. */
  public HprofWriter beginHeapDump() {
    return beginHeapDump(defaultLayout);
  }

  /** Opens a heap dump with {@code layout}; throws {@link IllegalStateException} if one is open. */
  public HprofWriter beginHeapDump(HeapDumpLayout layout) {
    if (heapDump != null) {
      throw new IllegalStateException("a heap dump is already open");
    }
    heapDump = new HeapDumpBuffer(layout, identifierSize);
    return this;
  }

  /** Emits the open heap dump as records (and HEAP DUMP END if its layout says so). */
  public HprofWriter endHeapDump() {
    if (heapDump == null) {
      throw new IllegalStateException("no heap dump is open");
    }
    heapDump.emit(out, recordTime);
    heapDump = null;
    return this;
  }

  /** Whether a heap dump is open. */
  public boolean heapDumpOpen() {
    return heapDump != null;
  }

  /**
   * Ends the current segment of the open heap dump and writes {@code rawBytes} between it and the
   * next one (e.g. a top-level record built with {@link #recordBytes}, or garbage).
   */
  public HprofWriter heapDumpInterruption(byte[] rawBytes) {
    openHeapDump().interrupt(rawBytes);
    return this;
  }

  /** Appends raw bytes to the open heap dump as if they were one sub-record. */
  public HprofWriter rawSubRecord(byte[] bytes) {
    openHeapDump().startSubRecord().bytes(bytes);
    return this;
  }

  /** The bytes of one top-level record (for {@link #heapDumpInterruption}), time 0. */
  public byte[] recordBytes(int tag, byte[] body) {
    return new ByteSink(identifierSize).u1(tag).u4(0).u4(body.length).bytes(body).toByteArray();
  }

  /** Starts a sub-record in the open (or implicitly opened) heap dump. */
  ByteSink subRecord(int tag) {
    return openHeapDump().startSubRecord().u1(tag);
  }

  private HeapDumpBuffer openHeapDump() {
    if (heapDump == null) {
      beginHeapDump();
    }
    return heapDump;
  }

  // ---------------------------------------------------------------- roots

  /** Writes a root whose body is the object id only; throws for kinds needing more fields. */
  public HprofWriter root(RootType type, long objectId) {
    if (type.shape() != RootType.Shape.ID_ONLY) {
      throw new IllegalArgumentException(type + " needs more than an id: " + type.shape());
    }
    subRecord(type.tag()).id(objectId);
    return this;
  }

  /**
   * Writes a root of any kind: {@code extra} holds the fields after the object id (an id for
   * {@link RootType.Shape#ID_AND_ID}, u4s otherwise), exactly as many as the shape needs.
   */
  public HprofWriter root(RootType type, long objectId, long... extra) {
    int expected =
        switch (type.shape()) {
          case ID_ONLY -> 0;
          case ID_AND_ID, ID_AND_U4 -> 1;
          case ID_AND_TWO_U4 -> 2;
        };
    if (extra.length != expected) {
      throw new IllegalArgumentException(type + " takes " + expected + " extra fields");
    }
    ByteSink sink = subRecord(type.tag()).id(objectId);
    for (long value : extra) {
      if (type.shape() == RootType.Shape.ID_AND_ID) {
        sink.id(value);
      } else {
        sink.u4(value);
      }
    }
    return this;
  }

  /** ROOT UNKNOWN (0xFF). */
  public HprofWriter rootUnknown(long objectId) {
    return root(RootType.UNKNOWN, objectId);
  }

  /** ROOT JNI GLOBAL (0x01). */
  public HprofWriter rootJniGlobal(long objectId, long globalReferenceId) {
    return root(RootType.JNI_GLOBAL, objectId, globalReferenceId);
  }

  /** ROOT JNI LOCAL (0x02). */
  public HprofWriter rootJniLocal(long objectId, int threadSerial, int frameNumber) {
    return root(RootType.JNI_LOCAL, objectId, threadSerial, frameNumber);
  }

  /** ROOT JAVA FRAME (0x03); frame number -1 means none. */
  public HprofWriter rootJavaFrame(long objectId, int threadSerial, int frameNumber) {
    return root(RootType.JAVA_FRAME, objectId, threadSerial, frameNumber);
  }

  /** ROOT NATIVE STACK (0x04). */
  public HprofWriter rootNativeStack(long objectId, int threadSerial) {
    return root(RootType.NATIVE_STACK, objectId, threadSerial);
  }

  /** ROOT STICKY CLASS (0x05). */
  public HprofWriter rootStickyClass(long classId) {
    return root(RootType.STICKY_CLASS, classId);
  }

  /** ROOT THREAD BLOCK (0x06). */
  public HprofWriter rootThreadBlock(long objectId, int threadSerial) {
    return root(RootType.THREAD_BLOCK, objectId, threadSerial);
  }

  /** ROOT MONITOR USED (0x07). */
  public HprofWriter rootMonitorUsed(long objectId) {
    return root(RootType.MONITOR_USED, objectId);
  }

  /** ROOT THREAD OBJECT (0x08). */
  public HprofWriter rootThreadObject(long threadObjectId, int threadSerial, int traceSerial) {
    return root(RootType.THREAD_OBJECT, threadObjectId, threadSerial, traceSerial);
  }

  // ---------------------------------------------------------------- classes and instances

  /**
   * Starts a class definition (Java or internal name, e.g. {@code com.example.Item}, {@code
   * java.lang.Object[]}, {@code [B}); {@link ClassBuilder#write()} writes it.
   */
  public ClassBuilder defineClass(String className) {
    return new ClassBuilder(this, ClassNames.toInternal(className));
  }

  /** Starts an instance of a class defined by this writer; {@link InstanceBuilder#write()} writes it. */
  public InstanceBuilder instance(long classId) {
    return new InstanceBuilder(this, classId);
  }

  /**
   * Writes INSTANCE DUMP (0x21) with raw field bytes and a correct byte count.
   */
  public HprofWriter instanceDump(long id, int traceSerial, long classId, byte[] fieldBytes) {
    return instanceDump(id, traceSerial, classId, fieldBytes.length, fieldBytes);
  }

  /** Writes INSTANCE DUMP (0x21) declaring {@code declaredByteCount} whatever the bytes. */
  public HprofWriter instanceDump(
      long id, int traceSerial, long classId, long declaredByteCount, byte[] fieldBytes) {
    subRecord(0x21).id(id).u4(traceSerial).id(classId).u4(declaredByteCount).bytes(fieldBytes);
    return this;
  }

  /** Writes OBJ ARRAY DUMP (0x22) with an automatic id; returns the id. */
  public long objectArray(long arrayClassId, long... elements) {
    long id = objectIds.allocate(16L + 4L * elements.length);
    objectArrayWithId(id, arrayClassId, elements);
    return id;
  }

  /** Writes OBJ ARRAY DUMP (0x22) with an explicit id. */
  public HprofWriter objectArrayWithId(long id, long arrayClassId, long... elements) {
    return objectArrayDump(id, defaultTraceSerial, elements.length, arrayClassId, elements);
  }

  /** Writes OBJ ARRAY DUMP (0x22) declaring {@code declaredLength} whatever the elements. */
  public HprofWriter objectArrayDump(
      long id, int traceSerial, long declaredLength, long arrayClassId, long... elements) {
    ByteSink sink = subRecord(0x22).id(id).u4(traceSerial).u4(declaredLength).id(arrayClassId);
    for (long element : elements) {
      sink.id(element);
    }
    return this;
  }

  /** Writes PRIM ARRAY DUMP (0x23) of a Java primitive array with an automatic id; returns it. */
  public long primitiveArray(Object javaArray) {
    FieldType type = FieldType.ofPrimitiveArray(javaArray);
    int length = java.lang.reflect.Array.getLength(javaArray);
    long id = objectIds.allocate(16L + (long) type.heapSizeWithCompressedOops() * length);
    primitiveArrayWithId(id, javaArray);
    return id;
  }

  /** Writes PRIM ARRAY DUMP (0x23) of a Java primitive array ({@code int[]} ...) with an id. */
  public HprofWriter primitiveArrayWithId(long id, Object javaArray) {
    FieldType type = FieldType.ofPrimitiveArray(javaArray);
    ByteSink elements = new ByteSink(identifierSize);
    ValueEncoder.writeArrayElements(elements, javaArray);
    int length = java.lang.reflect.Array.getLength(javaArray);
    return primitiveArrayDump(id, defaultTraceSerial, length, type, elements.toByteArray());
  }

  /** Writes PRIM ARRAY DUMP (0x23) with raw element bytes declaring {@code declaredLength}. */
  public HprofWriter primitiveArrayDump(
      long id, int traceSerial, long declaredLength, FieldType type, byte[] elementBytes) {
    subRecord(0x23).id(id).u4(traceSerial).u4(declaredLength).u1(type.tag()).bytes(elementBytes);
    return this;
  }

  /** Writes Android's PRIM ARRAY NODATA (0xC3): a PRIM ARRAY DUMP header without elements. */
  public HprofWriter primitiveArrayNoData(long id, int traceSerial, long length, FieldType type) {
    subRecord(0xC3).id(id).u4(traceSerial).u4(length).u1(type.tag());
    return this;
  }

  /**
   * Writes Android's HEAP DUMP INFO (0xFE): heap id (0 default, 'Z' zygote, 'A' app, 'I' image)
   * and the id of a UTF8 name written for {@code heapName}.
   */
  public HprofWriter heapDumpInfo(int heapId, String heapName) {
    long nameId = utf8(heapName);
    subRecord(0xFE).u4(heapId).id(nameId);
    return this;
  }

  // ---------------------------------------------------------------- JDK helpers

  /** {@link #writeMinimalJdkClasses(StringLayout)} with the JDK 9+ compact layout. */
  public JdkClasses writeMinimalJdkClasses() {
    return writeMinimalJdkClasses(StringLayout.COMPACT);
  }

  /** Defines a minimal set of JDK classes; see {@link JdkClasses} for what is written. */
  public JdkClasses writeMinimalJdkClasses(StringLayout layout) {
    this.stringLayout = layout;
    return JdkClasses.write(this, layout);
  }

  /**
   * Writes a {@code java.lang.String} and its value array in the current {@link StringLayout}
   * (Latin-1 when every char fits, else UTF-16); returns the String's id. Needs {@code
   * java.lang.String} defined with that layout's fields.
   */
  public long string(String value) {
    return StringWriter.write(this, value, stringLayout, false, utf16ByteOrder);
  }

  /** Like {@link #string} but always with coder 1 (UTF-16) in the compact layout. */
  public long stringUtf16(String value) {
    return StringWriter.write(this, value, stringLayout, true, utf16ByteOrder);
  }

  // ---------------------------------------------------------------- output

  /** The file so far; emits an open heap dump first (so it is closed afterwards). */
  public byte[] toBytes() {
    if (heapDump != null) {
      endHeapDump();
    }
    return out.toByteArray();
  }

  /** {@link #toBytes()} as one plain gzip member (like {@code gzip dump.hprof}). */
  public byte[] toGzipBytes() {
    return GzipFormats.singleMember(toBytes());
  }

  /** {@link #toBytes()} in the JDK's chunked gzip format with 1 MiB blocks. */
  public byte[] toChunkedGzipBytes() {
    return toChunkedGzipBytes(GzipFormats.JDK_BLOCK_SIZE);
  }

  /** {@link #toBytes()} in the JDK's chunked gzip format with {@code blockSize}-byte blocks. */
  public byte[] toChunkedGzipBytes(int blockSize) {
    return GzipFormats.chunked(toBytes(), blockSize);
  }

  /** Writes {@link #toBytes()} to {@code file}; returns {@code file}. */
  public Path writeTo(Path file) {
    return write(file, toBytes());
  }

  /** Writes {@link #toGzipBytes()} to {@code file}; returns {@code file}. */
  public Path writeGzipTo(Path file) {
    return write(file, toGzipBytes());
  }

  /** Writes {@link #toChunkedGzipBytes(int)} to {@code file}; returns {@code file}. */
  public Path writeChunkedGzipTo(Path file, int blockSize) {
    return write(file, toChunkedGzipBytes(blockSize));
  }

  private static Path write(Path file, byte[] bytes) {
    try {
      return Files.write(file, bytes);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  // ---------------------------------------------------------------- package-private support

  long allocateObjectId(long estimatedSize) {
    return objectIds.allocate(estimatedSize);
  }

  int allocateClassSerial() {
    return nextClassSerial++;
  }

  void register(ClassLayout layout) {
    classesById.put(layout.id(), layout);
    classIdsByName.putIfAbsent(layout.internalName(), layout.id());
  }

  ClassLayout layoutOrNull(long classId) {
    return classesById.get(classId);
  }

  /** The class and its superclasses, own class first; stops at unknown ids and loops. */
  List<ClassLayout> hierarchy(long classId) {
    List<ClassLayout> chain = new ArrayList<>();
    Set<Long> seen = new HashSet<>();
    ClassLayout current = classesById.get(classId);
    while (current != null && seen.add(current.id())) {
      chain.add(current);
      current = current.superclassId() == 0 ? null : classesById.get(current.superclassId());
    }
    return chain;
  }
}
