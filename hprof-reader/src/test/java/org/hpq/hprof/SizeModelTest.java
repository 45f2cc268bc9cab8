package org.hpq.hprof;

import static org.assertj.core.api.Assertions.assertThat;
import static org.hpq.hprof.Dumps.at;

import java.nio.file.Path;
import org.hpq.testkit.FieldType;
import org.hpq.testkit.HprofVersion;
import org.hpq.testkit.HprofWriter;
import org.hpq.testkit.JdkClasses;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

/** Shallow sizes under each size model, and detection of the model from address gaps. */
class SizeModelTest {
  @TempDir Path folder;

  /** Models by name, so that they can drive a parameterized test. */
  enum Model {
    COMPRESSED(SizeModel.COMPRESSED),
    WIDE_REFERENCES(SizeModel.WIDE_REFERENCES),
    UNCOMPRESSED(SizeModel.UNCOMPRESSED),
    COMPACT_HEADERS(SizeModel.COMPACT_HEADERS);

    final SizeModel model;

    Model(SizeModel model) {
      this.model = model;
    }
  }

  /**
   * A heap laid out exactly as {@code model} would lay it out: each id is the previous id plus the
   * previous object's size under the model. Objects: a 3-reference 1-int instance, an Object[5],
   * a byte[3], a long[2].
   */
  private static long[] writeHeap(HprofWriter writer, JdkClasses jdk, long item, SizeModel model, int copies) {
    long address = 0x6_0000_0000L;
    long[] ids = new long[4];
    for (int copy = 0; copy < copies; copy++) {
      ids[0] = address;
      writer.instance(item).id(address).write();
      address += model.instanceSize(3L * model.referenceSize() + 4);
      ids[1] = address;
      writer.objectArrayWithId(address, jdk.objectArrayClass(), 0, 0, 0, 0, 0);
      address += model.arraySize(5, model.referenceSize());
      ids[2] = address;
      writer.primitiveArrayWithId(address, new byte[3]);
      address += model.arraySize(3, 1);
      ids[3] = address;
      writer.primitiveArrayWithId(address, new long[2]);
      address += model.arraySize(2, 8);
    }
    return ids;
  }

  private static long defineItem(HprofWriter writer, JdkClasses jdk) {
    return writer.defineClass("com.example.Item").superclass(jdk.objectClass())
        .field("a", FieldType.OBJECT).field("b", FieldType.OBJECT).field("c", FieldType.OBJECT).field("n", FieldType.INT)
        .write();
  }

  @ParameterizedTest
  @EnumSource(Model.class)
  void detectsTheModelFromAddressGaps(Model model) throws Exception {
    HprofWriter writer = HprofWriter.create();
    JdkClasses jdk = writer.writeMinimalJdkClasses();
    long item = defineItem(writer, jdk);
    writeHeap(writer, jdk, item, model.model, 20);
    try (HeapDump dump = Dumps.open(folder, writer)) {
      assertThat(dump.sizeModel()).isEqualTo(model.model);
    }
  }

  @ParameterizedTest
  @EnumSource(Model.class)
  void shallowSizesFollowTheChosenModel(Model model) throws Exception {
    HprofWriter writer = HprofWriter.create();
    JdkClasses jdk = writer.writeMinimalJdkClasses();
    long item = defineItem(writer, jdk);
    long[] ids = writeHeap(writer, jdk, item, SizeModel.UNCOMPRESSED, 1);
    SizeModel chosen = model.model;
    Path file = Dumps.write(folder, writer.toBytes());
    try (HeapDump dump = HeapDump.open(file, Dumps.options(folder, Strictness.STRICT).withSizeModel(chosen))) {
      assertThat(dump.sizeModel()).isEqualTo(chosen);
      int header = chosen.headerSize();
      int reference = chosen.referenceSize();
      assertThat(dump.shallowSize(at(dump, ids[0]))).isEqualTo(align(header + 3L * reference + 4));
      assertThat(dump.shallowSize(at(dump, ids[1]))).isEqualTo(align(header + 4 + 5L * reference));
      assertThat(dump.shallowSize(at(dump, ids[2]))).isEqualTo(align(header + 4 + 3));
      assertThat(dump.shallowSize(at(dump, ids[3]))).isEqualTo(align(header + 4 + 16));
      assertThat(dump.classAtOrNull(at(dump, item)).instanceSize()).isEqualTo(align(header + 3L * reference + 4));
      // A class object: java.lang.Class's two reference fields and HotSpot's injected ones (klass
      // and array_klass words, oop_size and static_oop_field_count ints, three references), no statics.
      assertThat(dump.shallowSize(at(dump, item))).isEqualTo(align(header + 2L * reference + 2 * 8 + 2 * 4 + 3L * reference));
    }
  }

  @Test
  void fourByteIdsMeanA32BitVm() throws Exception {
    HprofWriter writer = HprofWriter.create(HprofVersion.V1_0_2, 4);
    JdkClasses jdk = writer.writeMinimalJdkClasses();
    long object = writer.instance(jdk.objectClass()).write();
    try (HeapDump dump = Dumps.open(folder, writer)) {
      assertThat(dump.sizeModel()).isEqualTo(SizeModel.BITS_32);
      assertThat(dump.shallowSize(at(dump, object))).isEqualTo(8);
    }
  }

  @Test
  void parsesAModel() {
    assertThat(SizeModel.parse("16, 8, 8")).isEqualTo(SizeModel.UNCOMPRESSED);
    assertThat(SizeModel.COMPRESSED.toString()).contains("header 12 bytes", "references 4 bytes");
  }

  private static long align(long bytes) {
    return (bytes + 7) & -8L;
  }
}
