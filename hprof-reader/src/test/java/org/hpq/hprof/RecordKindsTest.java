package org.hpq.hprof;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.hpq.hprof.Dumps.at;

import java.nio.ByteBuffer;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.List;
import java.util.Set;
import java.util.stream.Collectors;
import org.hpq.testkit.FieldType;
import org.hpq.testkit.HeapDumpLayout;
import org.hpq.testkit.HprofVersion;
import org.hpq.testkit.HprofWriter;
import org.hpq.testkit.JdkClasses;
import org.hpq.testkit.RootType;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;
import org.junit.jupiter.params.provider.ValueSource;

/** Every record and sub-record kind, both id sizes, all three versions, segments and several dumps. */
class RecordKindsTest {
  @TempDir Path folder;

  @ParameterizedTest(name = "{0}-byte ids")
  @ValueSource(ints = {4, 8})
  void readsEveryTopLevelRecordKind(int idSize) throws Exception {
    HprofWriter writer = HprofWriter.create(HprofVersion.V1_0_2, idSize);
    JdkClasses jdk = writer.writeMinimalJdkClasses();
    writer.unloadClass(99);
    for (int agentTag : new int[] {0x06, 0x07, 0x0A, 0x0B, 0x0D, 0x0E}) {
      writer.record(agentTag, new byte[] {1, 2, 3, 4, 5});
    }
    writer.record(0x55, new byte[] {9, 9});
    writer.record(0x56, new byte[0]);
    long object = writer.instance(jdk.objectClass()).write();
    writer.rootUnknown(object);
    try (HeapDump dump = Dumps.open(folder, writer)) {
      assertThat(dump.version()).isEqualTo("JAVA PROFILE 1.0.2");
      assertThat(dump.idSize()).isEqualTo(idSize);
      assertThat(dump.timestamp()).isEqualTo(HprofWriter.DEFAULT_TIMESTAMP);
      assertThat(dump.heapDumpCount()).isEqualTo(1);
      assertThat(dump.indexOf(object)).isNotNegative();
      assertThat(dump.classesNamed("java.lang.String")).hasSize(1);
      assertThat(dump.warnings()).hasSize(1);
      assertThat(dump.warnings().get(0)).contains("2 records with unknown tags", "tag 0x55");
    }
  }

  @Test
  void readsAndroidDumps() throws Exception {
    HprofWriter writer = HprofWriter.create(HprofVersion.V1_0_3, 4);
    writer.heapDumpInfo('Z', "zygote");
    JdkClasses jdk = writer.writeMinimalJdkClasses();
    writer.heapDumpInfo('A', "app");
    long noData = writer.reserveObjectId(64);
    writer.primitiveArrayNoData(noData, 0, 1000, FieldType.INT);
    List<Long> objects = new ArrayList<>();
    for (RootType type : RootType.values()) {
      long object = writer.instance(jdk.objectClass()).write();
      objects.add(object);
      switch (type.shape()) {
        case ID_ONLY -> writer.root(type, object);
        case ID_AND_ID -> writer.root(type, object, 0x77);
        case ID_AND_U4 -> writer.root(type, object, 1);
        case ID_AND_TWO_U4 -> writer.root(type, object, 1, 0);
      }
    }
    writer.heapDumpInfo('I', "image");
    try (HeapDump dump = Dumps.open(folder, writer)) {
      assertThat(dump.version()).isEqualTo("JAVA PROFILE 1.0.3");
      int array = at(dump, noData);
      assertThat(dump.kind(array)).isEqualTo(ObjectKind.PRIMITIVE_ARRAY);
      assertThat(dump.typeName(array)).isEqualTo("int[]");
      assertThat(dump.arrayLength(array)).isEqualTo(1000);
      assertThat(dump.arrayElements(array, 0, 10)).isEmpty();
      assertThat(dump.shallowSize(array)).isEqualTo(dump.sizeModel().arraySize(1000, 4));
      Set<RootKind> kinds = dump.roots().stream().map(GcRoot::kind).collect(Collectors.toSet());
      assertThat(kinds).isEqualTo(EnumSet.allOf(RootKind.class));
      for (int i = 0; i < objects.size(); i++) {
        int index = at(dump, objects.get(i));
        RootKind kind = RootKind.values()[i];
        assertThat(dump.roots()).as(kind.toString()).anyMatch(root -> root.object() == index && root.kind() == kind);
      }
    }
  }

  @Test
  void readsVersion101WithOneHeapDumpRecord() throws Exception {
    HprofWriter writer = HprofWriter.create(HprofVersion.V1_0_1, 8);
    JdkClasses jdk = writer.writeMinimalJdkClasses();
    long object = writer.instance(jdk.objectClass()).write();
    byte[] bytes = writer.toBytes();
    assertThat(TopLevelRecords.of(bytes)).extracting(TopLevelRecords.Entry::tag).contains(0x0C).doesNotContain(0x1C, 0x2C);
    try (HeapDump dump = Dumps.open(folder, bytes, Strictness.STRICT)) {
      assertThat(dump.version()).isEqualTo("JAVA PROFILE 1.0.1");
      assertThat(dump.indexOf(object)).isNotNegative();
      assertThat(dump.heapDumpCount()).isEqualTo(1);
    }
  }

  @Test
  void readsManySmallSegments() throws Exception {
    HprofWriter writer = HprofWriter.create().defaultHeapDumpLayout(HeapDumpLayout.segments(100));
    JdkClasses jdk = writer.writeMinimalJdkClasses();
    List<Long> objects = new ArrayList<>();
    for (int i = 0; i < 50; i++) {
      objects.add(writer.instance(jdk.objectClass()).write());
    }
    byte[] bytes = writer.toBytes();
    assertThat(TopLevelRecords.of(bytes).stream().filter(entry -> entry.tag() == 0x1C).count()).isGreaterThan(20);
    try (HeapDump dump = Dumps.open(folder, bytes, Strictness.STRICT)) {
      for (long object : objects) {
        assertThat(dump.typeName(at(dump, object))).isEqualTo("java.lang.Object");
      }
      assertThat(dump.heapDumpCount()).isEqualTo(1);
    }
  }

  @Test
  void choosesAmongSeveralHeapDumps() throws Exception {
    HprofWriter writer = HprofWriter.create();
    long[] objects = new long[3];
    for (int number = 0; number < 3; number++) {
      writer.beginHeapDump();
      long objectClass = writer.defineClass("com.example.Dump" + number).write();
      objects[number] = writer.instance(objectClass).write();
      writer.rootUnknown(objects[number]);
      writer.endHeapDump();
    }
    Path file = Dumps.write(folder, writer.toBytes());
    for (int number = 0; number < 3; number++) {
      try (HeapDump dump = HeapDump.open(file, Dumps.options(folder, Strictness.STRICT).withHeapDumpNumber(number))) {
        assertThat(dump.heapDumpCount()).isEqualTo(3);
        assertThat(dump.heapDumpNumber()).isEqualTo(number);
        assertThat(dump.objectCount()).isEqualTo(2);
        assertThat(dump.typeName(at(dump, objects[number]))).isEqualTo("com.example.Dump" + number);
        for (int other = 0; other < 3; other++) {
          if (other != number) {
            assertThat(dump.indexOf(objects[other])).isEqualTo(-1);
          }
        }
      }
    }
    assertThatThrownBy(() -> HeapDump.open(file, Dumps.options(folder, Strictness.STRICT).withHeapDumpNumber(3)))
        .isInstanceOf(HprofFormatException.class)
        .hasMessageContaining("heap dump 3 asked for, but the file holds 3");
    assertThatThrownBy(() -> HeapDump.open(file, Dumps.options(folder, Strictness.STRICT).withHeapDumpNumber(-1)))
        .isInstanceOf(HprofFormatException.class);
  }

  @Test
  void sortsObjectsThatAreNotInAddressOrder() throws Exception {
    HprofWriter writer = HprofWriter.create();
    JdkClasses jdk = writer.writeMinimalJdkClasses();
    long holderClass = writer.defineClass("com.example.Holder").superclass(jdk.objectClass()).field("next", FieldType.OBJECT).write();
    // Descending ids, and ids that differ only in their top bits (the radix sort's last digit).
    long[] ids = {0x9_0000_0100L, 0x9_0000_0080L, 0x8_0000_0100L, 0x1_0000_9_0000_0000L, 0x9_0000_0000L};
    for (int i = 0; i < ids.length; i++) {
      writer.instance(holderClass).id(ids[i]).set("next", ids[(i + 1) % ids.length]).write();
    }
    try (HeapDump dump = Dumps.open(folder, writer)) {
      for (int object = 1; object < dump.objectCount(); object++) {
        assertThat(Long.compareUnsigned(dump.id(object - 1), dump.id(object))).isNegative();
      }
      for (int i = 0; i < ids.length; i++) {
        int object = at(dump, ids[i]);
        assertThat(dump.id(object)).isEqualTo(ids[i]);
        assertThat(Dumps.outbound(dump, object)).contains(".next -> 0x" + Long.toHexString(ids[(i + 1) % ids.length]));
        assertThat(dump.fields(object).get(0).bits()).isEqualTo(ids[(i + 1) % ids.length]);
      }
      assertThat(dump.indexOf(0x9_0000_0040L)).isEqualTo(-1);
    }
  }

  /**
   * A sub-record cut in two by a segment header (the writer splits at exactly 200 bytes). hpq does
   * not splice such sub-records: STRICT and WARN fail naming the sub-record; PERMISSIVE keeps the
   * objects before it.
   */
  @ParameterizedTest
  @EnumSource(Strictness.class)
  void subRecordSplitBySegmentHeader(Strictness strictness) throws Exception {
    HprofWriter writer = HprofWriter.create().defaultHeapDumpLayout(HeapDumpLayout.segments(200).splittingSubRecords());
    long objectClass = writer.defineClass("java.lang.Object").write();
    List<Long> objects = new ArrayList<>();
    for (int i = 0; i < 30; i++) {
      objects.add(writer.instance(objectClass).write());
    }
    byte[] bytes = writer.toBytes();
    TopLevelRecords.Entry firstSegment = TopLevelRecords.first(bytes, 0x1C);
    if (strictness != Strictness.PERMISSIVE) {
      assertThatThrownBy(() -> Dumps.open(folder, bytes, strictness))
          .isInstanceOf(HprofFormatException.class)
          .hasMessageContaining("HEAP DUMP SEGMENT")
          .hasMessageContaining(String.format("record header at 0x%x", firstSegment.end()))
          .hasMessageContaining("split");
      return;
    }
    try (HeapDump dump = Dumps.open(folder, bytes, strictness)) {
      // The class and the instances wholly inside the first 200-byte segment.
      assertThat(dump.objectCount()).isBetween(3, 10);
      assertThat(dump.id(0)).isEqualTo(objectClass);
      for (int object = 1; object < dump.objectCount(); object++) {
        assertThat(dump.id(object)).isEqualTo(objects.get(object - 1));
      }
      assertThat(dump.warnings()).anyMatch(warning -> warning.contains("split") && warning.contains("lost"));
    }
  }

  /**
   * A segment whose length is too short, so that its last sub-record runs on past it (the bytes
   * are contiguous): the record length is advisory in WARN and PERMISSIVE, an error in STRICT.
   */
  @ParameterizedTest
  @EnumSource(Strictness.class)
  void subRecordOvershootingItsSegment(Strictness strictness) throws Exception {
    HprofWriter writer = HprofWriter.create();
    JdkClasses jdk = writer.writeMinimalJdkClasses();
    long last = writer.primitiveArray(new byte[40]);
    byte[] bytes = writer.toBytes();
    TopLevelRecords.Entry segment = TopLevelRecords.first(bytes, 0x1C);
    ByteBuffer.wrap(bytes).putInt(segment.offset() + 5, segment.length() - 20);
    if (strictness == Strictness.STRICT) {
      assertThatThrownBy(() -> Dumps.open(folder, bytes, strictness))
          .isInstanceOf(HprofFormatException.class)
          .hasMessageContaining("HEAP DUMP SEGMENT")
          .hasMessageContaining(String.format("crosses the end of its record at 0x%x", segment.end() - 20));
      return;
    }
    try (HeapDump dump = Dumps.open(folder, bytes, strictness)) {
      assertThat(dump.arrayLength(at(dump, last))).isEqualTo(40);
      assertThat(dump.indexOf(jdk.objectClass())).isNotNegative();
      assertThat(dump.warnings()).anyMatch(warning -> warning.contains("crossed the end"));
    }
  }

  @Test
  void aFileWithoutHeapDumpHasNoObjects() throws Exception {
    HprofWriter writer = HprofWriter.create();
    writer.utf8("just a name");
    try (HeapDump dump = Dumps.open(folder, writer)) {
      assertThat(dump.objectCount()).isZero();
      assertThat(dump.heapDumpCount()).isZero();
      assertThat(dump.indexOf(1)).isEqualTo(-1);
    }
  }
}
