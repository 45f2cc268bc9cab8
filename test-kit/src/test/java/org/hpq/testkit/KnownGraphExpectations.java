package org.hpq.testkit;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.ByteBuffer;
import org.hpq.testkit.workloads.KnownGraph;

/** Checks a real dump of KnownGraph with the naive scanner and against its histogram. */
public final class KnownGraphExpectations {
  private KnownGraphExpectations() {}

  /** Checks a live-objects dump. */
  public static void checkLive(byte[] plainDump, HeapDumpResult result) {
    MinimalHprofScanner scan = check(plainDump, result);
    assertThat(scan.instanceCount(internal(KnownGraph.WEAK_TARGET_CLASS_NAME)))
        .isEqualTo(KnownGraph.WEAK_TARGET_COUNT_LIVE);
  }

  /** Checks an {@code -all} dump. */
  public static void checkAll(byte[] plainDump, HeapDumpResult result) {
    MinimalHprofScanner scan = check(plainDump, result);
    assertThat(scan.instanceCount(internal(KnownGraph.WEAK_TARGET_CLASS_NAME)))
        .isEqualTo(KnownGraph.WEAK_TARGET_COUNT_ALL);
  }

  private static MinimalHprofScanner check(byte[] plainDump, HeapDumpResult result) {
    String context = result.dumpFile() + "\n" + result.childOutput();
    MinimalHprofScanner scan = new MinimalHprofScanner(plainDump);
    assertThat(scan.formatName).as(context).isEqualTo("JAVA PROFILE 1.0.2");
    assertThat(scan.idSize).as(context).isEqualTo(8);
    assertThat(result.histogram().instances(KnownGraph.ITEM_CLASS_NAME)).as(context)
        .isEqualTo(KnownGraph.ITEM_COUNT);
    assertThat(scan.instanceCount(internal(KnownGraph.ITEM_CLASS_NAME))).as(context)
        .isEqualTo(KnownGraph.ITEM_COUNT);
    assertThat(scan.instanceCount(internal(KnownGraph.CYCLE_NODE_CLASS_NAME))).as(context)
        .isEqualTo(KnownGraph.CYCLE_NODE_COUNT);
    long localOnly = scan.classIdNamed(internal(KnownGraph.LOCAL_ONLY_CLASS_NAME));
    long localId = scan.instances.values().stream().filter(instance -> instance.classId() == localOnly)
        .mapToLong(MinimalHprofScanner.Instance::id).findFirst().orElseThrow();
    assertThat(scan.roots).as(context + "\nLocalOnly must be a Java frame root")
        .anySatisfy(root -> assertThat(root).containsExactly(0x03, localId));
    long itemClass = scan.classIdNamed(internal(KnownGraph.ITEM_CLASS_NAME));
    // HotSpot: instance size = sum of field sizes in the file (int + 3 ids), over the hierarchy
    assertThat(scan.classes.get(itemClass).instanceSize()).as(context).isEqualTo(4 + 3 * 8);
    assertThat(scan.arrays.values()).as(context).anySatisfy(array -> {
      assertThat(array.primitive()).isTrue();
      assertThat(array.classIdOrType()).isEqualTo(FieldType.LONG.tag());
      assertThat(array.length()).isEqualTo(KnownGraph.LONG_ARRAY_LENGTH);
      assertThat(ByteBuffer.wrap(array.elements()).getLong(8 * 12344)).isEqualTo(12344);
    });
    return scan;
  }

  private static String internal(String binaryName) {
    return binaryName.replace('.', '/');
  }
}
