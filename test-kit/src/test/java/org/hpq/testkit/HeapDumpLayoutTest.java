package org.hpq.testkit;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.Random;
import org.junit.jupiter.api.Test;

class HeapDumpLayoutTest {

  @Test
  void segmentsStayWithinTheSizeUnlessOneSubRecordIsLarger() {
    HprofWriter writer = HprofWriter.create().defaultHeapDumpLayout(HeapDumpLayout.segments(100));
    for (int i = 0; i < 30; i++) {
      writer.primitiveArray(new byte[i * 3]);
    }
    long big = writer.primitiveArray(new byte[500]);
    writer.primitiveArray(new byte[1]);

    MinimalHprofScanner scan = new MinimalHprofScanner(writer.toBytes());

    List<MinimalHprofScanner.Record> segments = segments(scan);
    assertThat(segments).hasSizeGreaterThan(5);
    // A segment over the size holds exactly one sub-record (PRIM ARRAY DUMP: 18 bytes + elements).
    java.util.Set<Integer> singleSizes = new java.util.HashSet<>(List.of(18 + 500, 18 + 1));
    for (int i = 0; i < 30; i++) {
      singleSizes.add(18 + i * 3);
    }
    assertThat(segments).allSatisfy(segment ->
        assertThat(segment.length()).satisfiesAnyOf(
            length -> assertThat(length).isLessThanOrEqualTo(100),
            length -> assertThat(singleSizes).contains(length)));
    assertThat(segments).anySatisfy(segment -> assertThat(segment.length()).isEqualTo(518));
    assertThat(scan.arrays.get(big).length()).isEqualTo(500);
    assertThat(scan.subRecordCounts).containsEntry(0x23, 32);
    assertThat(scan.records.get(scan.records.size() - 1).tag()).isEqualTo(0x2C);
  }

  @Test
  void splittingCutsSegmentsInsideSubRecordsAtExactlyTheSize() {
    HprofWriter writer = HprofWriter.create()
        .defaultHeapDumpLayout(HeapDumpLayout.segments(64).splittingSubRecords());
    for (int i = 0; i < 20; i++) {
      writer.primitiveArray(new long[i]);
    }
    MinimalHprofScanner scan = new MinimalHprofScanner(writer.toBytes());

    List<MinimalHprofScanner.Record> segments = segments(scan);
    int total = segments.stream().mapToInt(MinimalHprofScanner.Record::length).sum();
    assertThat(segments.subList(0, segments.size() - 1))
        .allSatisfy(segment -> assertThat(segment.length()).isEqualTo(64));
    assertThat(total).isEqualTo(20 * 18 + 8 * (19 * 20 / 2));
    assertThat(scan.subRecordCounts).containsEntry(0x23, 20);
  }

  @Test
  void version101WritesOneHeapDumpRecordWithoutEnd() {
    HprofWriter writer = HprofWriter.create(HprofVersion.V1_0_1, 4);
    writer.writeMinimalJdkClasses();
    writer.string("x".repeat(2000));

    MinimalHprofScanner scan = new MinimalHprofScanner(writer.toBytes());

    assertThat(scan.recordCounts).containsEntry(0x0C, 1).doesNotContainKeys(0x1C, 0x2C);
    assertThat(scan.instanceCount("java/lang/String")).isEqualTo(1);
  }

  @Test
  void severalHeapDumpsInOneFile() {
    HprofWriter writer = HprofWriter.create();
    writer.primitiveArray(new int[1]);
    writer.endHeapDump();
    writer.beginHeapDump(HeapDumpLayout.singleRecord());
    writer.primitiveArray(new int[2]);
    writer.endHeapDump();
    writer.beginHeapDump().endHeapDump(); // an empty one

    MinimalHprofScanner scan = new MinimalHprofScanner(writer.toBytes());

    assertThat(scan.heapDumps).isEqualTo(3);
    assertThat(scan.records.stream().map(MinimalHprofScanner.Record::tag).toList())
        .containsExactly(0x1C, 0x2C, 0x0C, 0x1C, 0x2C);
  }

  @Test
  void interruptionsEndTheSegmentAndLandBetweenSegments() {
    HprofWriter writer = HprofWriter.create();
    writer.primitiveArray(new int[1]);
    writer.heapDumpInterruption(writer.recordBytes(0x55, new byte[] {1, 2, 3}));
    writer.primitiveArray(new int[2]);

    MinimalHprofScanner scan = new MinimalHprofScanner(writer.toBytes());

    assertThat(scan.records.stream().map(MinimalHprofScanner.Record::tag).toList())
        .containsExactly(0x1C, 0x55, 0x1C, 0x2C);
    assertThat(scan.subRecordCounts).containsEntry(0x23, 2);
  }

  /** Random dumps scan to the same content whatever the segment layout. */
  @Test
  void seededRandomDumpsHaveTheSameContentUnderEveryLayout() {
    long seed = new Random().nextLong();
    Random random = new Random(seed);
    for (int round = 0; round < 20; round++) {
      int segmentSize = 1 + random.nextInt(300);
      int objects = random.nextInt(60);
      long roundSeed = random.nextLong();
      MinimalHprofScanner plain = scanRandom(roundSeed, objects, HeapDumpLayout.singleRecord());
      MinimalHprofScanner segmented = scanRandom(roundSeed, objects, HeapDumpLayout.segments(segmentSize));
      MinimalHprofScanner split =
          scanRandom(roundSeed, objects, HeapDumpLayout.segments(segmentSize).splittingSubRecords());
      String context = "seed " + seed + " round " + round + " segment size " + segmentSize;
      for (MinimalHprofScanner other : List.of(segmented, split)) {
        assertThat(other.subRecordCounts).as(context).isEqualTo(plain.subRecordCounts);
        assertThat(other.instances.keySet()).as(context).isEqualTo(plain.instances.keySet());
        assertThat(other.arrays.keySet()).as(context).isEqualTo(plain.arrays.keySet());
      }
      assertThat(segments(split)).as(context)
          .allSatisfy(segment -> assertThat(segment.length()).isLessThanOrEqualTo(segmentSize));
    }
  }

  private static MinimalHprofScanner scanRandom(long seed, int objects, HeapDumpLayout layout) {
    Random random = new Random(seed);
    HprofWriter writer = HprofWriter.create(HprofVersion.V1_0_2, random.nextBoolean() ? 4 : 8)
        .defaultHeapDumpLayout(layout);
    JdkClasses jdk = writer.writeMinimalJdkClasses();
    long node = writer.defineClass("Node").superclass(jdk.objectClass())
        .field("next", FieldType.OBJECT).field("weight", FieldType.DOUBLE).write();
    long previous = 0;
    for (int i = 0; i < objects; i++) {
      switch (random.nextInt(4)) {
        case 0 -> previous = writer.instance(node).set("next", previous).set("weight", random.nextDouble()).write();
        case 1 -> previous = writer.primitiveArray(new short[random.nextInt(50)]);
        case 2 -> previous = writer.objectArray(jdk.objectArrayClass(), previous, previous);
        default -> writer.rootJavaFrame(previous, 1, random.nextInt(3));
      }
    }
    return new MinimalHprofScanner(writer.toBytes());
  }

  private static List<MinimalHprofScanner.Record> segments(MinimalHprofScanner scan) {
    return scan.records.stream().filter(record -> record.tag() == 0x1C).toList();
  }
}
