package org.hpq.hprof;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.List;
import java.util.TreeMap;
import org.hpq.testkit.ClassBuilder;
import org.hpq.testkit.FieldType;
import org.hpq.testkit.HprofWriter;
import org.hpq.testkit.JdkClasses;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * Every edge keeps its own label through the build, whichever form the build keeps the outbound
 * labels in (2 bytes an edge, with the codes that do not fit kept aside, or 4 bytes when the
 * instance fields have more than 32,767 names): array slots after long runs of nulls and far from
 * the start, and static fields whose label texts come after the 32,767th. One reader and two
 * threads (whose helper's edges, and the codes it kept aside, are moved) give the same files.
 */
class EdgeLabelsTest {
  @TempDir Path folder;

  @ParameterizedTest
  @ValueSource(booleans = {false, true})
  void slotsAndStaticFieldsKeepTheirLabels(boolean manyInstanceFields) throws Exception {
    Sample sample = sample(manyInstanceFields);
    for (int chunk : new int[] {0, 1, 3}) {
      try (HeapDump dump = open(sample.bytes, chunk, "labels-" + chunk)) {
        assertThat(Dumps.outbound(dump, Dumps.at(dump, sample.sparse)))
            .as("chunks of %d", chunk)
            .containsExactlyElementsOf(sorted(
                "[3] -> " + hex(sample.targets[0]), "[40000] -> " + hex(sample.targets[1]),
                "[40001] -> " + hex(sample.targets[2]), "[99999] -> " + hex(sample.targets[3]),
                "<class> -> " + hex(sample.arrayClass)));
        assertThat(Dumps.outbound(dump, Dumps.at(dump, sample.late)))
            .as("chunks of %d", chunk)
            .containsExactlyElementsOf(sorted(
                "[70000] -> " + hex(sample.targets[4]), "<class> -> " + hex(sample.arrayClass)));
        assertThat(Dumps.outbound(dump, Dumps.at(dump, sample.dense)))
            .as("chunks of %d", chunk)
            .containsExactlyElementsOf(sorted(
                "[0] -> " + hex(sample.targets[0]), "[1] -> " + hex(sample.targets[1]),
                "[2] -> " + hex(sample.targets[2]), "<class> -> " + hex(sample.arrayClass)));
        assertThat(Dumps.outbound(dump, Dumps.at(dump, sample.statics)))
            .as("chunks of %d", chunk)
            .contains(
                "com.example.Statics.s0 -> " + hex(sample.targets[0]),
                "com.example.Statics.s32766 -> " + hex(sample.targets[1]),
                "com.example.Statics.s32767 -> " + hex(sample.targets[2]),
                "com.example.Statics.s39999 -> " + hex(sample.targets[3]));
        assertThat(Dumps.outbound(dump, Dumps.at(dump, sample.holder)))
            .as("chunks of %d", chunk)
            .contains(".f0 -> " + hex(sample.targets[4]), ".f" + (sample.holderFields - 1) + " -> " + hex(sample.targets[0]));
      }
    }
    TreeMap<String, byte[]> one;
    try (HeapDump dump = open(sample.bytes, 0, "one")) {
      one = Dumps.indexFiles(dump);
    }
    try (HeapDump dump = open(sample.bytes, 2, "two")) {
      TreeMap<String, byte[]> two = Dumps.indexFiles(dump);
      assertThat(two.keySet()).isEqualTo(one.keySet());
      for (String name : one.keySet()) {
        assertThat(Arrays.equals(two.get(name), one.get(name))).as(name).isTrue();
      }
    }
  }

  private record Sample(
      byte[] bytes, long[] targets, long arrayClass, long sparse, long late, long dense, long statics, long holder,
      int holderFields) {}

  private static Sample sample(boolean manyInstanceFields) throws IOException {
    HprofWriter writer = HprofWriter.create();
    JdkClasses jdk = writer.writeMinimalJdkClasses();
    long[] targets = new long[5];
    for (int i = 0; i < targets.length; i++) {
      targets[i] = writer.instance(jdk.objectClass()).write();
    }
    long arrayClass = jdk.objectArrayClass();
    long[] sparseSlots = new long[100_000];
    sparseSlots[3] = targets[0];
    sparseSlots[40_000] = targets[1];
    sparseSlots[40_001] = targets[2];
    sparseSlots[99_999] = targets[3];
    long sparse = writer.objectArray(arrayClass, sparseSlots);
    long[] lateSlots = new long[70_001];
    lateSlots[70_000] = targets[4];
    long late = writer.objectArray(arrayClass, lateSlots);
    long dense = writer.objectArray(arrayClass, targets[0], targets[1], targets[2]);
    ClassBuilder statics = writer.defineClass("com.example.Statics").superclass(jdk.objectClass());
    for (int i = 0; i < 40_000; i++) {
      long value = switch (i) {
        case 0 -> targets[0];
        case 32_766 -> targets[1];
        case 32_767 -> targets[2];
        case 39_999 -> targets[3];
        default -> 0L;
      };
      statics.staticField("s" + i, FieldType.OBJECT, value);
    }
    long staticsClass = statics.write();
    // More instance field names than 2-byte labels can hold make the build keep 4-byte labels.
    int holderFields = manyInstanceFields ? 33_000 : 3;
    ClassBuilder holderClass = writer.defineClass("com.example.Holder").superclass(jdk.objectClass());
    for (int i = 0; i < holderFields; i++) {
      holderClass.field("f" + i, FieldType.OBJECT);
    }
    long holder =
        writer.instance(holderClass.write()).set("f0", targets[4]).set("f" + (holderFields - 1), targets[0]).write();
    for (long root : new long[] {sparse, late, dense, holder}) {
      writer.rootJniGlobal(root, root + 1);
    }
    return new Sample(writer.toBytes(), targets, arrayClass, sparse, late, dense, staticsClass, holder, holderFields);
  }

  /** Opens {@code bytes}; {@code chunk} 0 means one reader, else two threads in chunks of that many objects. */
  private HeapDump open(byte[] bytes, int chunk, String name) throws Exception {
    if (chunk > 0) {
      System.setProperty("hpq.parallelEdgeMinimum", "1");
      System.setProperty("hpq.edgeChunkObjects", String.valueOf(chunk));
    }
    try {
      return Dumps.open(folder.resolve(name), bytes, Strictness.STRICT);
    } finally {
      System.clearProperty("hpq.parallelEdgeMinimum");
      System.clearProperty("hpq.edgeChunkObjects");
    }
  }

  private static List<String> sorted(String... edges) {
    return Arrays.stream(edges).sorted().toList();
  }

  private static String hex(long id) {
    return "0x" + Long.toHexString(id);
  }
}
