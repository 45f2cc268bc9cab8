package org.hpq.hprof;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.util.Arrays;
import java.util.List;
import java.util.SplittableRandom;
import java.util.TreeMap;
import org.hpq.testkit.FieldType;
import org.hpq.testkit.HeapDumpLayout;
import org.hpq.testkit.HprofWriter;
import org.hpq.testkit.JdkClasses;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * An index built with the scan on two threads (forced onto small dumps by a system property) is
 * the same, file for file, as one built by one scanner: the objects the helper noted are sorted
 * from its own arrays, whatever order the ids come in.
 */
class ParallelScanIndexTest {
  @TempDir Path folder;

  @ParameterizedTest
  @ValueSource(strings = {"ascending", "rotated", "shuffled"})
  void givesTheSameIndexFiles(String order) throws Exception {
    byte[] bytes = dump(order, 21);
    TreeMap<String, byte[]> one = build(bytes, false, "one");
    TreeMap<String, byte[]> two = build(bytes, true, "two");
    assertThat(two.keySet()).isEqualTo(one.keySet());
    for (String name : one.keySet()) {
      assertThat(Arrays.equals(two.get(name), one.get(name))).as("%s: %s", order, name).isTrue();
    }
  }

  private TreeMap<String, byte[]> build(byte[] bytes, boolean parallel, String name) throws Exception {
    if (parallel) {
      System.setProperty("hpq.parallelScanMinimum", "1");
    }
    try (HeapDump dump = Dumps.open(folder.resolve(name), bytes, Strictness.WARN)) {
      assertThat(dump.objectCount()).isGreaterThan(12_000);
      return Dumps.indexFiles(dump);
    } finally {
      System.clearProperty("hpq.parallelScanMinimum");
    }
  }

  /**
   * Twelve thousand linked nodes and arrays in 4 KB segments, their ids in the given order: each
   * half of the rotated order is an ascending run long enough for the sort to merge it as one.
   */
  private static byte[] dump(String order, long seed) throws Exception {
    SplittableRandom random = new SplittableRandom(seed);
    HprofWriter writer = HprofWriter.create().defaultHeapDumpLayout(HeapDumpLayout.segments(4096));
    JdkClasses jdk = writer.writeMinimalJdkClasses();
    long node = writer.defineClass("com.example.Node").superclass(jdk.objectClass()).field("next", FieldType.OBJECT).write();
    long nodes = writer.defineClass("com.example.Node[]").superclass(jdk.objectClass()).write();
    int count = 12_000;
    long[] ids = new long[count];
    for (int i = 0; i < count; i++) {
      ids[i] = writer.reserveObjectId(48);
    }
    long[] written = ids.clone();
    if (order.equals("rotated")) {
      for (int i = 0; i < count; i++) {
        written[i] = ids[(i + count / 2) % count];
      }
    } else if (order.equals("shuffled")) {
      for (int i = count - 1; i > 0; i--) {
        int j = random.nextInt(i + 1);
        long swap = written[i];
        written[i] = written[j];
        written[j] = swap;
      }
    }
    for (int i = 0; i < count; i++) {
      if (i % 3 == 0) {
        writer.objectArrayWithId(written[i], nodes, ids[random.nextInt(count)], ids[random.nextInt(count)]);
      } else {
        writer.instance(node).id(written[i]).set("next", ids[random.nextInt(count)]).write();
      }
    }
    for (long root : List.of(ids[0], ids[count / 2])) {
      writer.rootJniGlobal(root, root + 1);
    }
    return writer.toBytes();
  }
}
