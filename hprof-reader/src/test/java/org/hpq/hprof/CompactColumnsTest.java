package org.hpq.hprof;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import org.hpq.hprof.internal.IndexFiles;
import org.hpq.testkit.FieldType;
import org.hpq.testkit.HprofWriter;
import org.hpq.testkit.JdkClasses;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Object ids take 4 bytes an object in the index when they can (as steps from the smallest), and
 * 8 otherwise; shallow sizes 2 bytes (steps of 8 bytes, the few of half a megabyte or more kept
 * aside), 4 when too many objects may be that large. Either way every id and size reads back
 * exactly, after a reopen too.
 */
class CompactColumnsTest {
  @TempDir Path folder;

  @Test
  void alignedIdsCloseTogetherTakeFourBytes() throws Exception {
    long[] ids = {0x7_0000_1000L, 0x7_0000_1010L, 0x7_8000_0008L, 0x7_0000_2000L};
    try (HeapDump dump = open(ids, "close")) {
      assertThat(bytesPerObject(dump, IndexFiles.IDS)).isEqualTo(4);
      assertThat(bytesPerObject(dump, IndexFiles.SHALLOW)).isEqualTo(2);
      assertIdsAndSizes(dump, ids);
    }
  }

  @Test
  void idsFurtherApartThan2To32StepsTakeEightBytes() throws Exception {
    long[] ids = {0x1000L, 0x1008L, 0x10_0000_0000_0L, 0x7FFF_FFFF_FFFF_FFF8L};
    try (HeapDump dump = open(ids, "far")) {
      assertThat(bytesPerObject(dump, IndexFiles.IDS)).isEqualTo(8);
      assertIdsAndSizes(dump, ids);
    }
  }

  @Test
  void oddIdsAreStepsOfOne() throws Exception {
    long[] ids = {1, 2, 7, 0xF000_0000L};
    try (HeapDump dump = open(ids, "odd")) {
      assertThat(bytesPerObject(dump, IndexFiles.IDS)).isEqualTo(4);
      assertIdsAndSizes(dump, ids);
    }
  }

  @Test
  void shallowSizesOfHalfAMegabyteOrMoreAreKeptAside() throws Exception {
    HprofWriter writer = HprofWriter.create();
    writer.writeMinimalJdkClasses();
    long[] lengths = {0, 1, 65_534 * 8 - 40, 65_535 * 8, 600_000, 5_000_000};
    long[] ids = new long[lengths.length + 1];
    for (int i = 0; i < lengths.length; i++) {
      ids[i] = writer.primitiveArray(new byte[(int) lengths[i]]);
      writer.rootJniGlobal(ids[i], i + 1);
    }
    // An array that claims 2^31 - 1 longs without holding them (Android's NODATA): 16 GB.
    ids[lengths.length] = writer.reserveObjectId(64);
    writer.primitiveArrayNoData(ids[lengths.length], 1, Integer.MAX_VALUE, FieldType.LONG);
    writer.rootJniGlobal(ids[lengths.length], 99);
    Path folder = this.folder.resolve("large");
    Path file = Dumps.write(folder, writer.toBytes());
    OpenOptions options = Dumps.options(folder, Strictness.STRICT);
    for (int open = 0; open < 2; open++) {
      try (HeapDump dump = HeapDump.open(file, options)) {
        assertThat(dump.indexNote()).isNull();
        assertThat(bytesPerObject(dump, IndexFiles.SHALLOW)).isEqualTo(2);
        SizeModel model = dump.sizeModel();
        for (int i = 0; i < lengths.length; i++) {
          assertThat(dump.shallowSize(dump.indexOf(ids[i]))).as("byte[%d]", lengths[i]).isEqualTo(model.arraySize(lengths[i], 1));
        }
        assertThat(dump.shallowSize(dump.indexOf(ids[lengths.length]))).isEqualTo(model.arraySize(Integer.MAX_VALUE, 8));
        long[] sizes = new long[dump.objectCount()];
        dump.shallowSizes(0, sizes, 0, sizes.length);
        for (int object = 0; object < sizes.length; object++) {
          assertThat(sizes[object]).isEqualTo(dump.shallowSize(object));
        }
      }
    }
  }

  @Test
  void tooManyPossiblyLargeObjectsKeepFourBytes() throws Exception {
    HprofWriter writer = HprofWriter.create();
    writer.writeMinimalJdkClasses();
    int arrays = (1 << 16) + 1;
    long first = 0;
    for (int i = 0; i < arrays; i++) {
      long id = writer.reserveObjectId(64);
      first = i == 0 ? id : first;
      // 300,000 bytes: counted as possibly large by the scan, though 2 bytes would hold them.
      writer.primitiveArrayNoData(id, 1, 300_000, FieldType.BYTE);
    }
    writer.rootJniGlobal(first, 1);
    try (HeapDump dump = Dumps.open(folder.resolve("many"), writer)) {
      assertThat(bytesPerObject(dump, IndexFiles.SHALLOW)).isEqualTo(4);
      assertThat(dump.shallowSize(dump.indexOf(first))).isEqualTo(dump.sizeModel().arraySize(300_000, 1));
    }
  }

  @Test
  void aClassWhoseInstancesAreHalfAMegabyteKeepsFourBytes() throws Exception {
    HprofWriter writer = HprofWriter.create();
    JdkClasses jdk = writer.writeMinimalJdkClasses();
    // 65,534 longs and one int (a class dump's most fields): 524,276 bytes of fields.
    var wide = writer.defineClass("com.example.Wide").superclass(jdk.objectClass()).field("extra", FieldType.INT);
    for (int f = 0; f < 65_534; f++) {
      wide.field("f" + f, FieldType.LONG);
    }
    long wideClass = wide.write();
    long[] ids = new long[3];
    for (int i = 0; i < ids.length; i++) {
      ids[i] = writer.instance(wideClass).write();
      writer.rootJniGlobal(ids[i], i + 1);
    }
    try (HeapDump dump = Dumps.open(folder.resolve("wide"), writer)) {
      assertThat(bytesPerObject(dump, IndexFiles.SHALLOW)).isEqualTo(4);
      long expected = dump.sizeModel().instanceSize(65_534L * 8 + 4);
      assertThat(expected).isGreaterThanOrEqualTo(65_535L * 8);
      for (long id : ids) {
        assertThat(dump.shallowSize(dump.indexOf(id))).isEqualTo(expected);
      }
    }
  }

  /** A dump of boxes with {@code ids}, or with ids that many bytes above a fresh one when they are below 2^32. */
  private HeapDump open(long[] ids, String name) throws Exception {
    HprofWriter writer = HprofWriter.create();
    JdkClasses jdk = writer.writeMinimalJdkClasses();
    long box = writer.defineClass("com.example.Box").superclass(jdk.objectClass()).field("next", FieldType.OBJECT)
        .field("value", FieldType.LONG).write();
    if (ids[ids.length - 1] < (1L << 32)) {
      long base = writer.reserveObjectId();
      for (int i = 0; i < ids.length; i++) {
        ids[i] += base;
      }
    }
    for (int i = 0; i < ids.length; i++) {
      writer.instance(box).id(ids[i]).set("next", ids[(i + 1) % ids.length]).set("value", (long) i).write();
      writer.rootJniGlobal(ids[i], i + 1);
    }
    return Dumps.open(folder.resolve(name), writer);
  }

  private static long bytesPerObject(HeapDump dump, String file) throws Exception {
    return Files.size(dump.indexDirectory().resolve(file)) / dump.objectCount();
  }

  /** Every id is found and reads back, and every shallow size is the box's (header, reference, long). */
  private static void assertIdsAndSizes(HeapDump dump, long[] ids) {
    long boxSize = -1;
    for (long id : ids) {
      int index = dump.indexOf(id);
      assertThat(index).as("id 0x%x", id).isGreaterThanOrEqualTo(0);
      assertThat(dump.id(index)).as("id 0x%x", id).isEqualTo(id);
      long size = dump.shallowSize(index);
      assertThat(size).as("id 0x%x", id).isPositive();
      assertThat(boxSize < 0 || size == boxSize).as("id 0x%x: %d bytes", id, size).isTrue();
      boxSize = size;
    }
    for (int object = 0; object < dump.objectCount(); object++) {
      assertThat(dump.indexOf(dump.id(object))).isEqualTo(object);
      assertThat(dump.shallowSize(object) % 8).isZero();
    }
  }
}
