package org.hpq.testkit;

import java.lang.reflect.Array;
import java.nio.ByteOrder;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import org.hpq.testkit.internal.ByteSink;
import org.hpq.testkit.internal.IdAllocator;

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
 *
 * <p>A facade keeping settings and object ids; the bytes are encoded by package-private helpers
 * ({@code RecordOutput}, {@code TopLevelRecords}, {@code HeapDumpSubRecords}, {@code
 * ClassRegistry}, {@code ThreadRecords}, {@code StringWriter}).
 */
public final class HprofWriter {
  /** Timestamp written by {@link #create()}: 2023-11-14T22:13:20Z in milliseconds. */
  public static final long DEFAULT_TIMESTAMP = 1_700_000_000_000L;
  /** First automatic object id with 8-byte identifiers. */
  public static final long FIRST_OBJECT_ID_8 = 0x7_0000_0000L;
  /** First automatic object id with 4-byte identifiers. */
  public static final long FIRST_OBJECT_ID_4 = 0x1000L;

  private final RecordOutput output;
  private final TopLevelRecords topLevel;
  private final HeapDumpSubRecords subRecords;
  private final ClassRegistry classes = new ClassRegistry();
  private final ThreadRecords threads = new ThreadRecords();
  private final IdAllocator objectIds;
  private int defaultTraceSerial;
  private StringLayout stringLayout = StringLayout.COMPACT;
  private ByteOrder utf16ByteOrder = ByteOrder.LITTLE_ENDIAN;

  private HprofWriter(String formatName, int identifierSize, long timestampMillis) {
    this.output = new RecordOutput(formatName, identifierSize, timestampMillis);
    this.topLevel = new TopLevelRecords(output);
    this.subRecords = new HeapDumpSubRecords(output);
    this.objectIds = new IdAllocator(identifierSize >= 8 ? FIRST_OBJECT_ID_8 : FIRST_OBJECT_ID_4);
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
    return output.identifierSize();
  }

  /** Sets the u4 microseconds-since-header written in the header of later records. */
  public HprofWriter recordTime(long microseconds) {
    output.recordTime(microseconds);
    return this;
  }

  /** Sets the layout used by heap dumps that are opened implicitly or by {@link #beginHeapDump()}. */
  public HprofWriter defaultHeapDumpLayout(HeapDumpLayout layout) {
    output.defaultHeapDumpLayout(layout);
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
    return classes.findClassId(className);
  }

  /** The LOAD CLASS serial of a defined class; 0 if unknown or written without LOAD CLASS. */
  public int classSerial(long classId) {
    return classes.classSerial(classId);
  }

  // ---------------------------------------------------------------- top-level records

  /** Writes a UTF8 record for {@code text} once and returns its id (the same id on later calls). */
  public long utf8(String text) {
    return topLevel.internedUtf8(text);
  }

  /** Writes a UTF8 record with an explicit id (duplicates allowed). */
  public HprofWriter utf8(long id, String text) {
    return utf8Bytes(id, text.getBytes(StandardCharsets.UTF_8));
  }

  /** Writes a UTF8 record with raw (possibly invalid) bytes. */
  public HprofWriter utf8Bytes(long id, byte[] bytes) {
    topLevel.utf8(id, bytes);
    return this;
  }

  /** Writes LOAD CLASS (0x02). */
  public HprofWriter loadClass(int classSerial, long classId, int traceSerial, long nameId) {
    topLevel.loadClass(classSerial, classId, traceSerial, nameId);
    return this;
  }

  /** Writes UNLOAD CLASS (0x03). */
  public HprofWriter unloadClass(int classSerial) {
    topLevel.unloadClass(classSerial);
    return this;
  }

  /** Writes STACK FRAME (0x04). */
  public HprofWriter stackFrame(
      long frameId, long methodNameId, long signatureId, long sourceFileId, int classSerial,
      int line) {
    topLevel.stackFrame(frameId, methodNameId, signatureId, sourceFileId, classSerial, line);
    return this;
  }

  /** Writes STACK TRACE (0x05) with the given frame ids, innermost first. */
  public HprofWriter stackTrace(int serial, int threadSerial, long... frameIds) {
    topLevel.stackTrace(serial, threadSerial, frameIds);
    return this;
  }

  /**
   * Writes HotSpot's dummy STACK TRACE (next serial, thread 0, no frames) and makes its serial
   * the {@link #defaultTraceSerial()}; returns the serial.
   */
  public int writeDummyStackTrace() {
    int serial = threads.allocateTraceSerial();
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
    return threads.write(this, threadObjectId, frames);
  }

  /** Writes a record with any tag (known or not) and a correct length. */
  public HprofWriter record(int tag, byte[] body) {
    return recordWithDeclaredLength(tag, body.length, body);
  }

  /** Writes a record whose header declares {@code declaredLength} (low 32 bits) whatever the body. */
  public HprofWriter recordWithDeclaredLength(int tag, long declaredLength, byte[] body) {
    output.record(tag, declaredLength, body);
    return this;
  }

  /** Writes raw bytes at top level (garbage between records, a hand-made header...). */
  public HprofWriter rawBytes(byte[] bytes) {
    output.rawBytes(bytes);
    return this;
  }

  // ---------------------------------------------------------------- heap dump framing

  /** Opens a heap dump with the default layout; throws if one is open. */
  public HprofWriter beginHeapDump() {
    output.beginHeapDump();
    return this;
  }

  /** Opens a heap dump with {@code layout}; throws {@link IllegalStateException} if one is open. */
  public HprofWriter beginHeapDump(HeapDumpLayout layout) {
    output.beginHeapDump(layout);
    return this;
  }

  /** Emits the open heap dump as records (and HEAP DUMP END if its layout says so). */
  public HprofWriter endHeapDump() {
    output.endHeapDump();
    return this;
  }

  /** Whether a heap dump is open. */
  public boolean heapDumpOpen() {
    return output.heapDumpOpen();
  }

  /**
   * Ends the current segment of the open heap dump and writes {@code rawBytes} between it and the
   * next one (e.g. a top-level record built with {@link #recordBytes}, or garbage).
   */
  public HprofWriter heapDumpInterruption(byte[] rawBytes) {
    output.interruptHeapDump(rawBytes);
    return this;
  }

  /** Appends raw bytes to the open heap dump as if they were one sub-record. */
  public HprofWriter rawSubRecord(byte[] bytes) {
    output.startSubRecord().bytes(bytes);
    return this;
  }

  /** The bytes of one top-level record (for {@link #heapDumpInterruption}), time 0. */
  public byte[] recordBytes(int tag, byte[] body) {
    return output.recordBytes(tag, body);
  }

  // ---------------------------------------------------------------- roots

  /** Writes a root whose body is the object id only; throws for kinds needing more fields. */
  public HprofWriter root(RootType type, long objectId) {
    subRecords.root(type, objectId);
    return this;
  }

  /**
   * Writes a root of any kind: {@code extra} holds the fields after the object id (an id for
   * {@link RootType.Shape#ID_AND_ID}, u4s otherwise), exactly as many as the shape needs.
   */
  public HprofWriter root(RootType type, long objectId, long... extra) {
    subRecords.root(type, objectId, extra);
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

  // ---------------------------------------------------------------- classes, objects, strings

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

  /** Writes INSTANCE DUMP (0x21) with raw field bytes and a correct byte count. */
  public HprofWriter instanceDump(long id, int traceSerial, long classId, byte[] fieldBytes) {
    return instanceDump(id, traceSerial, classId, fieldBytes.length, fieldBytes);
  }

  /** Writes INSTANCE DUMP (0x21) declaring {@code declaredByteCount} whatever the bytes. */
  public HprofWriter instanceDump(
      long id, int traceSerial, long classId, long declaredByteCount, byte[] fieldBytes) {
    subRecords.instanceDump(id, traceSerial, classId, declaredByteCount, fieldBytes);
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
    subRecords.objectArrayDump(id, traceSerial, declaredLength, arrayClassId, elements);
    return this;
  }

  /** Writes PRIM ARRAY DUMP (0x23) of a Java primitive array with an automatic id; returns it. */
  public long primitiveArray(Object javaArray) {
    FieldType type = FieldType.ofPrimitiveArray(javaArray);
    int length = Array.getLength(javaArray);
    long id = objectIds.allocate(16L + (long) type.heapSizeWithCompressedOops() * length);
    primitiveArrayWithId(id, javaArray);
    return id;
  }

  /** Writes PRIM ARRAY DUMP (0x23) of a Java primitive array ({@code int[]} ...) with an id. */
  public HprofWriter primitiveArrayWithId(long id, Object javaArray) {
    subRecords.primitiveArray(id, defaultTraceSerial, javaArray);
    return this;
  }

  /** Writes PRIM ARRAY DUMP (0x23) with raw element bytes declaring {@code declaredLength}. */
  public HprofWriter primitiveArrayDump(
      long id, int traceSerial, long declaredLength, FieldType type, byte[] elementBytes) {
    subRecords.primitiveArrayDump(id, traceSerial, declaredLength, type, elementBytes);
    return this;
  }

  /** Writes Android's PRIM ARRAY NODATA (0xC3): a PRIM ARRAY DUMP header without elements. */
  public HprofWriter primitiveArrayNoData(long id, int traceSerial, long length, FieldType type) {
    subRecords.primitiveArrayNoData(id, traceSerial, length, type);
    return this;
  }

  /**
   * Writes Android's HEAP DUMP INFO (0xFE): heap id (0 default, 'Z' zygote, 'A' app, 'I' image)
   * and the id of a UTF8 name written for {@code heapName}.
   */
  public HprofWriter heapDumpInfo(int heapId, String heapName) {
    subRecords.heapDumpInfo(heapId, utf8(heapName));
    return this;
  }

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
    return output.toBytes();
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
    return RecordOutput.writeFile(file, toBytes());
  }

  /** Writes {@link #toGzipBytes()} to {@code file}; returns {@code file}. */
  public Path writeGzipTo(Path file) {
    return RecordOutput.writeFile(file, toGzipBytes());
  }

  /** Writes {@link #toChunkedGzipBytes(int)} to {@code file}; returns {@code file}. */
  public Path writeChunkedGzipTo(Path file, int blockSize) {
    return RecordOutput.writeFile(file, toChunkedGzipBytes(blockSize));
  }

  // ---------------------------------------------------------------- package-private support

  /** The classes defined so far, for {@link ClassBuilder} and {@link InstanceBuilder}. */
  ClassRegistry classes() {
    return classes;
  }

  /** Starts a sub-record in the open (or implicitly opened) heap dump, for {@link ClassBuilder}. */
  ByteSink subRecord(int tag) {
    return output.subRecord(tag);
  }
}
