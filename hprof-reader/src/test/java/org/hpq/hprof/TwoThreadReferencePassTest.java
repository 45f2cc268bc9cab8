package org.hpq.hprof;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowable;

import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.SplittableRandom;
import java.util.TreeMap;
import org.hpq.testkit.FieldType;
import org.hpq.testkit.HprofWriter;
import org.hpq.testkit.JdkClasses;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * The reference pass on two threads (one taking chunks of objects from the front, the other from
 * the back) must give exactly what one reader gives: the same index files byte for byte, the same
 * warnings in the same order, and the same error for a malformed dump. System properties force the
 * two-thread path onto small dumps, in chunks of a few objects.
 */
class TwoThreadReferencePassTest {
  @TempDir Path folder;

  @ParameterizedTest
  @ValueSource(longs = {1, 2, 3, 4, 5, 6})
  void givesTheSameIndexFilesAndWarningsAsOneReader(long seed) throws Exception {
    byte[] bytes = randomDump(seed, -1);
    SplittableRandom random = new SplittableRandom(seed);
    int chunk = 1 + random.nextInt(40);
    Built one = build(bytes, Strictness.WARN, 0, "one");
    Built two = build(bytes, Strictness.WARN, chunk, "two");
    assertThat(two.warnings).as("seed %d, chunks of %d", seed, chunk).isEqualTo(one.warnings);
    assertThat(one.warnings).as("seed %d: the dump has dangling references and bad instances", seed).hasSizeGreaterThan(1);
    assertThat(two.files.keySet()).as("seed %d", seed).isEqualTo(one.files.keySet());
    for (String name : one.files.keySet()) {
      assertThat(Arrays.equals(two.files.get(name), one.files.get(name)))
          .as("seed %d, chunks of %d: %s", seed, chunk, name).isTrue();
    }
  }

  @ParameterizedTest
  @ValueSource(doubles = {0.05, 0.5, 0.95})
  void aStrictReadFailsAtTheFirstDanglingReferenceWhereverItIs(double where) throws Exception {
    byte[] bytes = randomDump(7, where);
    Throwable one = catchThrowable(() -> build(bytes, Strictness.STRICT, 0, "one"));
    Throwable two = catchThrowable(() -> build(bytes, Strictness.STRICT, 3, "two"));
    assertThat(one).as("one reader").isInstanceOf(HprofFormatException.class);
    assertThat(two).as("two threads").isInstanceOf(HprofFormatException.class);
    assertThat(afterFileName(two.getMessage())).isEqualTo(afterFileName(one.getMessage()));
    assertThat(one.getMessage()).contains("not in the dump");
  }

  private static String afterFileName(String message) {
    return message.substring(message.indexOf(".hprof") + ".hprof".length());
  }

  private record Built(List<String> warnings, TreeMap<String, byte[]> files) {}

  /** Builds the index of {@code bytes}; {@code chunk} 0 means one reader, else two threads. */
  private Built build(byte[] bytes, Strictness strictness, int chunk, String name) throws Exception {
    Path own = folder.resolve(name);
    if (chunk > 0) {
      System.setProperty("hpq.parallelEdgeMinimum", "1");
      System.setProperty("hpq.edgeChunkObjects", String.valueOf(chunk));
    }
    try (HeapDump dump = Dumps.open(own, bytes, strictness)) {
      return new Built(dump.warnings(), Dumps.indexFiles(dump));
    } finally {
      System.clearProperty("hpq.parallelEdgeMinimum");
      System.clearProperty("hpq.edgeChunkObjects");
    }
  }

  /**
   * A dump of a few thousand objects: instances with reference fields (some null, some to ids not
   * in the dump), object arrays, weak references, primitive arrays, a few instances with the wrong
   * number of field bytes. With {@code onlyDangling} in [0, 1), the one dangling reference is in
   * the object at that fraction of the dump, and nothing else is wrong.
   */
  private static byte[] randomDump(long seed, double onlyDangling) throws IOException {
    SplittableRandom random = new SplittableRandom(seed);
    HprofWriter writer = HprofWriter.create();
    JdkClasses jdk = writer.writeMinimalJdkClasses();
    long node =
        writer.defineClass("com.example.Node").superclass(jdk.objectClass())
            .field("left", FieldType.OBJECT).field("right", FieldType.OBJECT).field("weight", FieldType.INT)
            .field("data", FieldType.OBJECT).write();
    long nodes = writer.defineClass("com.example.Node[]").superclass(jdk.objectClass()).write();
    int count = 1500 + random.nextInt(1500);
    long[] ids = new long[count];
    for (int i = 0; i < count; i++) {
      ids[i] = writer.reserveObjectId(32);
    }
    int dangling = onlyDangling < 0 ? -1 : (int) (onlyDangling * count);
    List<Long> roots = new ArrayList<>();
    for (int i = 0; i < count; i++) {
      boolean wrong = onlyDangling < 0 && random.nextInt(300) == 0;
      int kind = i == dangling ? 0 : random.nextInt(10);
      if (wrong) {
        writer.instanceDump(ids[i], writer.defaultTraceSerial(), node, new byte[3]);
      } else if (kind < 6) {
        writer.instance(node).id(ids[i])
            .set("left", pick(random, ids, onlyDangling < 0, i == dangling))
            .set("right", pick(random, ids, onlyDangling < 0, false))
            .set("data", random.nextInt(4) == 0 ? writer.primitiveArray(new byte[random.nextInt(20)]) : 0L)
            .set("weight", random.nextInt())
            .write();
      } else if (kind < 8) {
        long[] slots = new long[random.nextInt(12)];
        for (int s = 0; s < slots.length; s++) {
          slots[s] = pick(random, ids, onlyDangling < 0, false);
        }
        writer.objectArrayWithId(ids[i], nodes, slots);
      } else {
        writer.instance(jdk.weakReferenceClass()).id(ids[i])
            .set("referent", pick(random, ids, onlyDangling < 0, i == dangling)).write();
      }
      if (random.nextInt(50) == 0) {
        roots.add(ids[i]);
      }
    }
    for (long root : roots) {
      writer.rootJniGlobal(root, root + 1);
    }
    return writer.toBytes();
  }

  /** Null a quarter of the time, an id not in the dump now and then (or when told), else any object. */
  private static long pick(SplittableRandom random, long[] ids, boolean danglingAllowed, boolean dangling) {
    int draw = random.nextInt(100);
    if (dangling || (danglingAllowed && draw < 3)) {
      return 0x7_0000_0000L + random.nextInt(1 << 20) * 8L;
    }
    return draw < 25 ? 0 : ids[random.nextInt(ids.length)];
  }
}
