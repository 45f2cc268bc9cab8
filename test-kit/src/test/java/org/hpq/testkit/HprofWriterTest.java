package org.hpq.testkit;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class HprofWriterTest {

  @ParameterizedTest
  @CsvSource({"V1_0_1, 4", "V1_0_1, 8", "V1_0_2, 4", "V1_0_2, 8", "V1_0_3, 4", "V1_0_3, 8"})
  void headerHoldsFormatNameIdentifierSizeAndTimestamp(HprofVersion version, int idSize) {
    byte[] bytes = HprofWriter.create(version, idSize).toBytes();

    ByteBuffer header = ByteBuffer.wrap(bytes);
    byte[] name = new byte[18];
    header.get(name);
    assertThat(new String(name, StandardCharsets.US_ASCII)).isEqualTo(version.formatName());
    assertThat(header.get()).isZero();
    assertThat(header.getInt()).isEqualTo(idSize);
    assertThat(header.getLong()).isEqualTo(HprofWriter.DEFAULT_TIMESTAMP);
    assertThat(header.hasRemaining()).isFalse();
  }

  @Test
  void recordsWalkByTheirLengthsAndCountsMatch() {
    HprofWriter writer = HprofWriter.create();
    JdkClasses jdk = writer.writeMinimalJdkClasses();
    long item = writer.defineClass("com.example.Item").superclass(jdk.objectClass())
        .field("id", FieldType.INT).field("next", FieldType.OBJECT).write();
    long first = writer.reserveObjectId();
    long second = writer.instance(item).set("id", 2).set("next", first).write();
    writer.instance(item).id(first).set("id", 1).set("next", second).write();
    long array = writer.objectArray(jdk.objectArrayClass(), first, second, 0L);
    writer.primitiveArray(new int[] {1, 2, 3});
    writer.rootJniGlobal(array, 0x1234);
    writer.recordTime(77).unloadClass(99);

    MinimalHprofScanner scan = new MinimalHprofScanner(writer.toBytes());

    assertThat(scan.formatName).isEqualTo("JAVA PROFILE 1.0.2");
    assertThat(scan.idSize).isEqualTo(8);
    assertThat(scan.instanceCount("com/example/Item")).isEqualTo(2);
    assertThat(scan.classes).hasSize(20);
    assertThat(scan.classNames).containsValues("java/lang/Object", "[I", "[Ljava/lang/Object;");
    assertThat(scan.subRecordCounts).containsEntry(0x20, 20).containsEntry(0x21, 2)
        .containsEntry(0x22, 1).containsEntry(0x23, 1).containsEntry(0x05, 19).containsEntry(0x01, 1);
    assertThat(scan.recordCounts).containsEntry(0x02, 20).containsEntry(0x1C, 1)
        .containsEntry(0x2C, 1).containsEntry(0x03, 1);
    // UNLOAD CLASS was written while the dump was open, so it precedes the dump's segment.
    List<Integer> tags = scan.records.stream().map(MinimalHprofScanner.Record::tag).toList();
    assertThat(tags.subList(tags.size() - 3, tags.size())).containsExactly(0x03, 0x1C, 0x2C);
    assertThat(scan.records.get(tags.indexOf(0x03)).time()).isEqualTo(77);
    assertThat(scan.arrays.get(array).length()).isEqualTo(3);
    assertThat(scan.instances.get(first).fieldBytes())
        .isEqualTo(ByteBuffer.allocate(12).putInt(1).putLong(second).array());
  }

  @Test
  void automaticIdsAreAlignedIncreasingAndRealistic() {
    HprofWriter writer = HprofWriter.create();
    JdkClasses jdk = writer.writeMinimalJdkClasses();
    long previous = 0;
    for (int i = 0; i < 50; i++) {
      long id = writer.primitiveArray(new byte[i]);
      assertThat(id % 8).isZero();
      assertThat(id).isGreaterThan(previous).isGreaterThanOrEqualTo(HprofWriter.FIRST_OBJECT_ID_8);
      if (previous != 0) {
        // a 16-byte array header plus i - 1 bytes, aligned
        assertThat(id - previous).isEqualTo(Math.max(16, (16 + i - 1 + 7) & ~7));
      }
      previous = id;
    }
    HprofWriter small = HprofWriter.create(HprofVersion.V1_0_2, 4);
    small.writeMinimalJdkClasses();
    assertThat(small.primitiveArray(new long[2])).isLessThan(0x10000L);
    assertThat(jdk.objectClass()).isLessThan(jdk.stringClass());
  }

  @Test
  void instanceFieldsAreLaidOutOwnClassFirstThenSuperclasses() {
    HprofWriter writer = HprofWriter.create(HprofVersion.V1_0_2, 4);
    long base = writer.defineClass("Base").field("shared", FieldType.INT)
        .field("flag", FieldType.BOOLEAN).write();
    long middle = writer.defineClass("Middle").superclass(base).field("count", FieldType.SHORT).write();
    long leaf = writer.defineClass("Leaf").superclass(middle).field("shared", FieldType.INT)
        .field("ref", FieldType.OBJECT).write();
    long id = writer.instance(leaf).set("shared", 7).set(base, "shared", 9).set("flag", true)
        .set("count", 300).set("ref", 0xABCDL).write();

    MinimalHprofScanner scan = new MinimalHprofScanner(writer.toBytes());

    byte[] expected = ByteBuffer.allocate(4 + 4 + 2 + 4 + 1)
        .putInt(7).putInt(0xABCD).putShort((short) 300).putInt(9).put((byte) 1).array();
    assertThat(scan.instances.get(id).fieldBytes()).isEqualTo(expected);
    assertThat(scan.classes.get(leaf).instanceSize()).isEqualTo(15);
    assertThat(scan.classes.get(middle).instanceSize()).isEqualTo(7);
    assertThat(scan.classes.get(leaf).fields()).containsExactly("shared", "ref");
  }

  @Test
  void staticsOfEveryTypeAndConstantPoolEntriesRoundTrip() {
    HprofWriter writer = HprofWriter.create();
    long holder = writer.defineClass("Holder")
        .constantPoolEntry(3, FieldType.INT, 42).constantPoolEntry(4, FieldType.OBJECT, 5L)
        .staticField("o", FieldType.OBJECT, 0x1234L).staticField("z", FieldType.BOOLEAN, true)
        .staticField("c", FieldType.CHAR, 'x').staticField("f", FieldType.FLOAT, 1.5f)
        .staticField("d", FieldType.DOUBLE, -2.25).staticField("b", FieldType.BYTE, -3)
        .staticField("s", FieldType.SHORT, 1000).staticField("i", FieldType.INT, 123456)
        .staticField("j", FieldType.LONG, Long.MIN_VALUE).write();

    MinimalHprofScanner.ClassDump dump = new MinimalHprofScanner(writer.toBytes()).classes.get(holder);

    assertThat(dump.constantPoolCount()).isEqualTo(2);
    assertThat(dump.statics()).containsExactly(
        java.util.Map.entry("o", 0x1234L), java.util.Map.entry("z", true),
        java.util.Map.entry("c", 'x'), java.util.Map.entry("f", 1.5f),
        java.util.Map.entry("d", -2.25), java.util.Map.entry("b", (byte) -3),
        java.util.Map.entry("s", (short) 1000), java.util.Map.entry("i", 123456),
        java.util.Map.entry("j", Long.MIN_VALUE));
    assertThatThrownBy(() -> writer.defineClass("Bad").staticField("z", FieldType.BOOLEAN, 1).write())
        .isInstanceOf(IllegalArgumentException.class);
  }

  @Test
  void primitiveArraysOfEveryTypeCarryBigEndianElements() {
    HprofWriter writer = HprofWriter.create();
    Object[] arrays = {new boolean[] {true, false}, new char[] {'a', '\u20ac'}, new float[] {1f},
        new double[] {2d}, new byte[] {-1}, new short[] {-2}, new int[] {-3}, new long[] {-4}};
    long[] ids = Arrays.stream(arrays).mapToLong(writer::primitiveArray).toArray();

    MinimalHprofScanner scan = new MinimalHprofScanner(writer.toBytes());

    assertThat(scan.arrays.get(ids[1]).elements()).containsExactly(0, 'a', 0x20, 0xAC);
    assertThat(scan.arrays.get(ids[7]).elements()).isEqualTo(ByteBuffer.allocate(8).putLong(-4).array());
    for (int i = 0; i < arrays.length; i++) {
      FieldType type = FieldType.ofPrimitiveArray(arrays[i]);
      assertThat(scan.arrays.get(ids[i]).classIdOrType()).as(type.name()).isEqualTo(type.tag());
    }
  }

  @Test
  void stringsUseLatin1Utf16OrCharArrayLayouts() {
    HprofWriter writer = HprofWriter.create();
    writer.writeMinimalJdkClasses();
    long latin1 = writer.string("h\u00e9");
    long utf16 = writer.string("\u20ac1");
    long forced = writer.stringUtf16("ab");
    MinimalHprofScanner scan = new MinimalHprofScanner(writer.toBytes());

    assertThat(valueBytes(scan, latin1)).containsExactly('h', 0xE9);
    assertThat(coder(scan, latin1)).isZero();
    assertThat(valueBytes(scan, utf16)).containsExactly(0xAC, 0x20, '1', 0);
    assertThat(coder(scan, utf16)).isEqualTo(1);
    assertThat(valueBytes(scan, forced)).containsExactly('a', 0, 'b', 0);

    HprofWriter jdk8 = HprofWriter.create(HprofVersion.V1_0_1, 4);
    jdk8.writeMinimalJdkClasses(StringLayout.CHAR_ARRAY);
    long old = jdk8.utf16ByteOrder(ByteOrder.BIG_ENDIAN).string("\u20ac");
    MinimalHprofScanner oldScan = new MinimalHprofScanner(jdk8.toBytes());
    byte[] fields = oldScan.instances.get(old).fieldBytes(); // int hash, value id
    MinimalHprofScanner.Array chars = oldScan.arrays.get(ByteBuffer.wrap(fields, 4, 4).getInt() & 0xFFFFFFFFL);
    assertThat(chars.classIdOrType()).isEqualTo(FieldType.CHAR.tag());
    assertThat(chars.elements()).containsExactly(0x20, 0xAC);
  }

  private static byte[] valueBytes(MinimalHprofScanner scan, long stringId) {
    byte[] fields = scan.instances.get(stringId).fieldBytes(); // hashIsZero, hash, coder, value
    return scan.arrays.get(ByteBuffer.wrap(fields, 6, 8).getLong()).elements();
  }

  private static int coder(MinimalHprofScanner scan, long stringId) {
    return scan.instances.get(stringId).fieldBytes()[5];
  }

  @Test
  void threadsWriteFramesTracesAndRoots() {
    HprofWriter writer = HprofWriter.create();
    JdkClasses jdk = writer.writeMinimalJdkClasses();
    long threadObject = writer.instance(jdk.threadClass()).set("name", writer.string("main")).write();
    ThreadHandle thread = writer.thread(threadObject,
        new StackFrameSpec(jdk.objectClass(), "wait", "()V", "Object.java", -3),
        StackFrameSpec.of(jdk.stringClass(), "main", 12));
    long local = writer.primitiveArray(new byte[4]);
    writer.rootJavaFrame(local, thread.threadSerial(), 1);

    MinimalHprofScanner scan = new MinimalHprofScanner(writer.toBytes());

    assertThat(scan.recordCounts).containsEntry(0x04, 2).containsEntry(0x05, 1);
    assertThat(scan.roots).anySatisfy(root -> assertThat(root).containsExactly(0x08, threadObject));
    assertThat(scan.roots).anySatisfy(root -> assertThat(root).containsExactly(0x03, local));
    assertThat(thread.frameIds()).hasSize(2);
    assertThat(writer.classSerial(jdk.stringClass())).isPositive();
  }

  @Test
  void androidSubRecordsAndEveryRootKindParse() {
    HprofWriter writer = HprofWriter.create(HprofVersion.V1_0_3, 4);
    writer.heapDumpInfo('A', "app");
    for (RootType type : RootType.values()) {
      long[] extra = new long[type.bodySize(4) / 4 - 1];
      writer.root(type, 0x100 + type.ordinal(), extra);
    }
    writer.primitiveArrayNoData(0x500, 0, 1_000_000, FieldType.INT);

    MinimalHprofScanner scan = new MinimalHprofScanner(writer.toBytes());

    assertThat(scan.roots).hasSize(RootType.values().length);
    assertThat(scan.subRecordCounts).containsEntry(0xFE, 1).containsEntry(0xC3, 1)
        .containsEntry(0x8E, 1).containsEntry(0x90, 1);
    assertThat(scan.arrays.get(0x500L).length()).isEqualTo(1_000_000);
    assertThatThrownBy(() -> writer.root(RootType.JAVA_FRAME, 1))
        .isInstanceOf(IllegalArgumentException.class);
  }

  @Test
  void instancesNeedADefinedClassAndKnownFields() {
    HprofWriter writer = HprofWriter.create();
    long point = writer.defineClass("Point").field("x", FieldType.INT).write();
    assertThatThrownBy(() -> writer.instance(0x42)).isInstanceOf(IllegalArgumentException.class);
    assertThatThrownBy(() -> writer.instance(point).set("y", 1))
        .isInstanceOf(IllegalArgumentException.class);
    assertThatThrownBy(() -> writer.findClassId("Nope")).isInstanceOf(IllegalArgumentException.class);
    assertThat(writer.findClassId("Point")).isEqualTo(point);
  }

  @Test
  void classHierarchyLoopsAndSelfReferencesAreWritable() {
    HprofWriter writer = HprofWriter.create();
    long loopA = 0x7_1000_0000L;
    long loopB = 0x7_1000_0100L;
    writer.defineClass("A").id(loopA).superclass(loopB).field("a", FieldType.INT).write();
    writer.defineClass("B").id(loopB).superclass(loopA).field("b", FieldType.LONG).write();
    long self = writer.reserveObjectId();
    writer.instance(loopB).id(self).set("a", 5).set("b", 6L).write();
    writer.instance(loopB).id(self).write(); // duplicate id

    MinimalHprofScanner scan = new MinimalHprofScanner(writer.toBytes());

    assertThat(scan.subRecordCounts).containsEntry(0x21, 2);
    assertThat(scan.classes.get(loopB).instanceSize()).isEqualTo(12);
  }
}
