package org.hpq.hprof;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.hpq.hprof.Dumps.at;

import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import org.hpq.testkit.FieldType;
import org.hpq.testkit.HprofVersion;
import org.hpq.testkit.HprofWriter;
import org.hpq.testkit.JdkClasses;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Malformed dumps: each problem gives an {@link HprofFormatException} naming the file, the hex
 * offset and the record in STRICT; WARN repairs what can be repaired; PERMISSIVE also opens a
 * dump that stops early.
 */
class MalformedDumpTest {
  @TempDir Path folder;
  HprofWriter writer;
  JdkClasses jdk;
  long holderClass;

  @BeforeEach
  void start() {
    writer = HprofWriter.create();
    jdk = writer.writeMinimalJdkClasses();
    holderClass = writer.defineClass("com.example.Holder").superclass(jdk.objectClass()).field("next", FieldType.OBJECT).write();
  }

  /** Opens {@code bytes} expecting a failure at {@code offset} in {@code record}; returns the message. */
  private String failure(byte[] bytes, Strictness strictness, long offset, String record) {
    Path file = folder.resolve("bad-" + strictness + "-" + System.nanoTime() + ".hprof");
    HprofFormatException failure =
        org.junit.jupiter.api.Assertions.assertThrows(
            HprofFormatException.class,
            () -> {
              java.nio.file.Files.write(file, bytes);
              HeapDump.open(file, Dumps.options(folder, strictness)).close();
            });
    assertThat(failure.getMessage()).startsWith(file.toString() + ": offset 0x" + Long.toHexString(offset) + ": " + record + ": ");
    assertThat(failure.file()).isEqualTo(file.toString());
    assertThat(failure.offset()).isEqualTo(offset);
    assertThat(failure.record()).isEqualTo(record);
    return failure.getMessage();
  }

  @Test
  void notAnHprofFile() throws Exception {
    byte[] bytes = "PK\u0003\u0004 this is a zip".getBytes(StandardCharsets.ISO_8859_1);
    assertThat(failure(bytes, Strictness.PERMISSIVE, 0, "header")).contains("not an HPROF");
    byte[] unterminated = "JAVA PROFILE 1.0.2 and no terminating zero byte at all....".getBytes(StandardCharsets.ISO_8859_1);
    assertThat(failure(unterminated, Strictness.PERMISSIVE, 0, "header")).contains("not an HPROF");
  }

  @Test
  void badIdentifierSize() {
    byte[] bytes = HprofWriter.create("JAVA PROFILE 1.0.2", 5, 0).toBytes();
    assertThat(failure(bytes, Strictness.PERMISSIVE, 19, "header")).contains("identifier size 5");
  }

  @Test
  void fileEndsInsideTheHeader() {
    byte[] bytes = java.util.Arrays.copyOf(writer.toBytes(), 25);
    assertThat(failure(bytes, Strictness.PERMISSIVE, 23, "header")).contains("ends inside the header");
  }

  @Test
  void recordLengthPastTheEnd() throws Exception {
    writer.toBytes();
    writer.recordWithDeclaredLength(0x01, 1000, new byte[12]);
    byte[] bytes = writer.toBytes();
    int start = bytes.length - 21;
    assertThat(failure(bytes, Strictness.STRICT, start, "UTF8")).contains("length 1000 runs past the end");
    assertThat(failure(bytes, Strictness.WARN, start, "UTF8")).contains("length 1000");
    try (HeapDump dump = Dumps.open(folder, bytes, Strictness.PERMISSIVE)) {
      assertThat(dump.indexOf(holderClass)).isNotNegative();
      assertThat(dump.warnings()).anyMatch(warning -> warning.contains("truncated at 0x" + Integer.toHexString(start)) && warning.contains("lost"));
    }
  }

  @Test
  void garbageBetweenRecords() throws Exception {
    writer.toBytes();
    int start = writer.toBytes().length;
    writer.rawBytes(new byte[16]);
    writer.utf8("after the garbage");
    byte[] bytes = writer.toBytes();
    assertThat(failure(bytes, Strictness.STRICT, start, "record 0x00")).contains("garbage");
    assertThat(failure(bytes, Strictness.WARN, start, "record 0x00")).contains("garbage");
    try (HeapDump dump = Dumps.open(folder, bytes, Strictness.PERMISSIVE)) {
      assertThat(dump.indexOf(holderClass)).isNotNegative();
    }
    HprofWriter text = HprofWriter.create();
    text.utf8("x");
    int textStart = text.toBytes().length;
    text.rawBytes("GARBAGE!GARBAGE!".getBytes(StandardCharsets.US_ASCII));
    assertThat(failure(text.toBytes(), Strictness.STRICT, textStart, "record 0x47")).contains("runs past the end");
  }

  @Test
  void shortFixedSizeRecord() {
    writer.toBytes();
    int start = writer.toBytes().length;
    writer.record(0x02, new byte[5]);
    assertThat(failure(writer.toBytes(), Strictness.WARN, start, "LOAD CLASS")).contains("shorter than");
  }

  @Test
  void unknownSubRecordTag() throws Exception {
    long before = writer.instance(jdk.objectClass()).write();
    writer.rawSubRecord(new byte[] {0x42, 1, 2, 3, 4, 5, 6, 7, 8});
    writer.instance(jdk.objectClass()).write();
    byte[] bytes = writer.toBytes();
    int offset = indexOf(bytes, new byte[] {0x42, 1, 2, 3, 4, 5, 6, 7, 8});
    assertThat(failure(bytes, Strictness.STRICT, offset, "HEAP DUMP SEGMENT")).contains("unknown sub-record tag 0x42");
    assertThat(failure(bytes, Strictness.WARN, offset, "HEAP DUMP SEGMENT")).contains("unknown sub-record tag 0x42");
    try (HeapDump dump = Dumps.open(folder, bytes, Strictness.PERMISSIVE)) {
      assertThat(dump.indexOf(before)).isNotNegative();
      assertThat(dump.warnings()).anyMatch(warning -> warning.contains("0x42") && warning.contains("skipped"));
    }
  }

  @Test
  void referenceToAMissingId() throws Exception {
    long holder = writer.instance(holderClass).set("next", 0xdead0L).write();
    long array = writer.objectArray(jdk.objectArrayClass(), holder, 0xbeef0L);
    writer.rootJniGlobal(array, 1);
    writer.rootJniGlobal(0xf00d0L, 1);
    byte[] bytes = writer.toBytes();
    String message = failure(bytes, Strictness.STRICT, instanceOffset(bytes, holder), "INSTANCE DUMP");
    assertThat(message).contains(".next", "0xdead0");
    try (HeapDump dump = Dumps.open(folder, bytes, Strictness.WARN)) {
      assertThat(Dumps.outbound(dump, at(dump, holder))).containsExactly("<class> -> 0x" + Long.toHexString(holderClass));
      assertThat(Dumps.outbound(dump, at(dump, array))).hasSize(2);
      assertThat(dump.fields(at(dump, holder)).get(0).target()).isEqualTo(-1);
      assertThat(dump.roots()).noneMatch(root -> root.object() < 0);
      assertThat(dump.warnings()).anyMatch(warning -> warning.startsWith(
          "2 references to 2 distinct ids that are not in the dump were dropped, held by 2 objects;"));
      assertThat(dump.warnings()).anyMatch(warning -> warning.contains("1 GC roots"));
    }
  }

  @Test
  void missingRootObjectInStrictMode() throws Exception {
    writer.rootJniGlobal(0xf00d0L, 1);
    byte[] bytes = writer.toBytes();
    int offset = indexOf(bytes, new byte[] {0x01, 0, 0, 0, 0, 0, 0x0f, 0, (byte) 0xd0});
    assertThat(failure(bytes, Strictness.STRICT, offset, "ROOT JNI GLOBAL")).contains("0xf00d0");
  }

  @Test
  void instanceOfAMissingClass() throws Exception {
    long object = writer.reserveObjectId();
    writer.instanceDump(object, 0, 0x12340L, new byte[8]);
    byte[] bytes = writer.toBytes();
    assertThat(failure(bytes, Strictness.STRICT, instanceOffset(bytes, object), "INSTANCE DUMP")).contains("class 0x12340");
    try (HeapDump dump = Dumps.open(folder, bytes, Strictness.WARN)) {
      assertThat(dump.typeName(at(dump, object))).isEqualTo("<unknown class>");
      assertThat(dump.fields(at(dump, object))).isEmpty();
    }
  }

  @Test
  void duplicateIds() throws Exception {
    long id = writer.reserveObjectId();
    writer.instance(holderClass).id(id).write();
    writer.instance(jdk.objectClass()).id(id).write();
    writer.defineClass("com.example.Clash").id(id).write();
    byte[] bytes = writer.toBytes();
    int second = indexOf(bytes, instanceHeader(id, jdk.objectClass()));
    assertThat(failure(bytes, Strictness.STRICT, second, "heap dump")).contains("duplicate object id");
    try (HeapDump dump = Dumps.open(folder, bytes, Strictness.WARN)) {
      assertThat(dump.typeName(at(dump, id))).isEqualTo("com.example.Holder");
      assertThat(dump.classesNamed("com.example.Clash")).isEmpty();
      assertThat(dump.warnings()).anyMatch(warning -> warning.contains("duplicate object id"));
    }
  }

  @Test
  void classHierarchyLoop() throws Exception {
    long first = writer.reserveObjectId(96);
    long second = writer.reserveObjectId(96);
    writer.defineClass("com.example.First").id(first).superclass(second).field("a", FieldType.INT).write();
    writer.defineClass("com.example.Second").id(second).superclass(first).field("b", FieldType.INT).write();
    writer.defineClass("com.example.Self").superclass(0).write();
    byte[] bytes = writer.toBytes();
    String message = failure(bytes, Strictness.STRICT, classDumpOffset(bytes, first), "CLASS DUMP");
    assertThat(message).contains("loop");
    try (HeapDump dump = Dumps.open(folder, bytes, Strictness.WARN)) {
      JavaClass firstClass = dump.classAtOrNull(at(dump, first));
      assertThat(firstClass.allFields()).extracting(FieldInfo::name).containsExactly("a");
      assertThat(dump.warnings()).anyMatch(warning -> warning.contains("loop"));
    }
  }

  @Test
  void absurdLengthsAndCounts() throws Exception {
    long array = writer.reserveObjectId();
    writer.objectArrayDump(array, 0, 0xFFFF_FFFFL, jdk.objectArrayClass());
    byte[] bytes = writer.toBytes();
    int offset = indexOf(bytes, new byte[] {0x22, 0, 0, 0, 7});
    assertThat(failure(bytes, Strictness.STRICT, offset, "OBJ ARRAY DUMP")).contains("run past the end");

    HprofWriter primitive = HprofWriter.create();
    primitive.writeMinimalJdkClasses();
    primitive.primitiveArrayDump(primitive.reserveObjectId(), 0, 0xFFFF_FFF0L, FieldType.LONG, new byte[16]);
    long after = primitive.reserveObjectId();
    primitive.primitiveArrayWithId(after, new int[3]);
    byte[] primitiveBytes = primitive.toBytes();
    assertThat(failure(primitiveBytes, Strictness.WARN, indexOf(primitiveBytes, new byte[] {(byte) 0xFF, (byte) 0xFF, (byte) 0xFF, (byte) 0xF0, 11}) - 13, "PRIM ARRAY DUMP"))
        .contains("run past the end");

    HprofWriter trace = HprofWriter.create();
    trace.utf8("x");
    int traceStart = trace.toBytes().length;
    trace.record(0x05, new byte[] {0, 0, 0, 1, 0, 0, 0, 1, (byte) 0xFF, (byte) 0xFF, (byte) 0xFF, (byte) 0xFF});
    assertThat(failure(trace.toBytes(), Strictness.WARN, traceStart, "STACK TRACE")).contains("do not fit");

    HprofWriter text = HprofWriter.create();
    text.recordWithDeclaredLength(0x01, 0xFFFF_FFF0L, new byte[16]);
    assertThat(failure(text.toBytes(), Strictness.WARN, 31, "UTF8")).contains("runs past the end");
    try (HeapDump dump = Dumps.open(folder, text.toBytes(), Strictness.PERMISSIVE)) {
      assertThat(dump.objectCount()).isZero();
    }
  }

  @Test
  void hugeNoDataArrayCostsNothing() throws Exception {
    HprofWriter android = HprofWriter.create(HprofVersion.V1_0_3, 4);
    android.writeMinimalJdkClasses();
    long array = android.reserveObjectId();
    android.primitiveArrayNoData(array, 0, 0xFFFF_FFFFL, FieldType.LONG);
    try (HeapDump dump = Dumps.open(folder, android)) {
      assertThat(dump.arrayLength(at(dump, array))).isEqualTo(0xFFFF_FFFFL);
      assertThat(dump.arrayElements(at(dump, array), 0, 100)).isEmpty();
    }
  }

  @Test
  void fieldByteCountMismatch() throws Exception {
    long short_ = writer.reserveObjectId();
    writer.instanceDump(short_, 0, holderClass, new byte[3]);
    long long_ = writer.reserveObjectId();
    byte[] longer = new byte[20];
    writer.instanceDump(long_, 0, holderClass, longer);
    byte[] bytes = writer.toBytes();
    assertThat(failure(bytes, Strictness.STRICT, instanceOffset(bytes, short_), "INSTANCE DUMP"))
        .contains("3 field bytes, but class com.example.Holder declares 8");
    try (HeapDump dump = Dumps.open(folder, bytes, Strictness.WARN)) {
      assertThat(dump.fields(at(dump, short_))).isEmpty();
      assertThat(dump.fields(at(dump, long_))).hasSize(1);
      assertThat(dump.warnings()).filteredOn(warning -> warning.contains("field bytes")).hasSize(2);
    }
  }

  @Test
  void chosenHeapDumpMissing() {
    writer.toBytes();
    byte[] bytes = writer.toBytes();
    Path file = folder.resolve("one.hprof");
    assertThatThrownBy(
            () -> {
              java.nio.file.Files.write(file, bytes);
              HeapDump.open(file, Dumps.options(folder, Strictness.PERMISSIVE).withHeapDumpNumber(1));
            })
        .isInstanceOf(HprofFormatException.class)
        .hasMessageContaining("offset 0x0")
        .hasMessageContaining("holds 1");
  }

  // ------------------------------------------------------------------ offsets in the bytes

  private int instanceOffset(byte[] bytes, long id) {
    return indexOf(bytes, concat(new byte[] {0x21}, longBytes(id)));
  }

  private int classDumpOffset(byte[] bytes, long id) {
    return indexOf(bytes, concat(new byte[] {0x20}, longBytes(id)));
  }

  private static byte[] instanceHeader(long id, long classId) {
    return concat(concat(new byte[] {0x21}, longBytes(id)), concat(new byte[4], longBytes(classId)));
  }

  static byte[] longBytes(long value) {
    return java.nio.ByteBuffer.allocate(8).putLong(value).array();
  }

  static byte[] concat(byte[] a, byte[] b) {
    byte[] result = java.util.Arrays.copyOf(a, a.length + b.length);
    System.arraycopy(b, 0, result, a.length, b.length);
    return result;
  }

  /** The only place {@code pattern} occurs in {@code bytes}. */
  static int indexOf(byte[] bytes, byte[] pattern) {
    int found = -1;
    for (int i = 0; i + pattern.length <= bytes.length; i++) {
      if (java.util.Arrays.equals(bytes, i, i + pattern.length, pattern, 0, pattern.length)) {
        if (found >= 0) {
          throw new AssertionError("pattern occurs twice");
        }
        found = i;
      }
    }
    if (found < 0) {
      throw new AssertionError("pattern not found");
    }
    return found;
  }
}
