package org.hpq.hprof;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowable;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.SplittableRandom;
import org.hpq.testkit.FieldType;
import org.hpq.testkit.HprofWriter;
import org.hpq.testkit.JdkClasses;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The reference pass over many objects and an object array of 40,000 slots: its edges and
 * dangling-reference counts are those of a model of the dump, and a dangling reference fails
 * before a problem in an object read after it (with a higher id), as a reader taking one
 * reference after another meets them. Kept from a tried batching of the lookups (see
 * {@code docs/notes/decisions.md}, fifth session), which it checked across batch boundaries.
 */
class BatchedReferencePassTest {
  private static final long MISSING = 0x40_0000_0000L;

  @TempDir java.nio.file.Path folder;

  @Test
  void edgesAcrossBatchesAndQueuesAreThoseOfTheModel() throws Exception {
    SplittableRandom random = new SplittableRandom(11);
    HprofWriter writer = HprofWriter.create();
    JdkClasses jdk = writer.writeMinimalJdkClasses();
    long node =
        writer.defineClass("com.example.Node").superclass(jdk.objectClass())
            .field("left", FieldType.OBJECT).field("weight", FieldType.INT).field("right", FieldType.OBJECT).write();
    long nodes = writer.defineClass("com.example.Node[]").superclass(jdk.objectClass()).write();
    int count = 12_000;
    long[] ids = new long[count];
    for (int i = 0; i < count; i++) {
      ids[i] = writer.reserveObjectId(32);
    }
    // source id -> expected inbound entries "0xSOURCE label" by target id
    Map<Long, List<String>> expected = new HashMap<>();
    int dangling = 0;
    for (int i = 0; i < count; i++) {
      long left = pick(random, ids);
      long right = pick(random, ids);
      writer.instance(node).id(ids[i]).set("left", left).set("weight", i).set("right", right).write();
      dangling += expect(expected, ids[i], ".left", left) + expect(expected, ids[i], ".right", right);
      expect(expected, ids[i], "<class>", node);
    }
    long[] slots = new long[40_000];
    for (int s = 0; s < slots.length; s++) {
      slots[s] = pick(random, ids);
    }
    long array = writer.objectArray(nodes, slots);
    for (int s = 0; s < slots.length; s++) {
      dangling += expect(expected, array, "[" + s + "]", slots[s]);
    }
    expect(expected, array, "<class>", nodes);
    writer.rootJniGlobal(array, array + 1);

    int danglingCount = dangling;
    try (HeapDump dump = Dumps.open(folder, writer, Strictness.WARN)) {
      for (Map.Entry<Long, List<String>> entry : expected.entrySet()) {
        List<String> wanted = new ArrayList<>(entry.getValue());
        wanted.sort(null);
        assertThat(Dumps.inbound(dump, Dumps.at(dump, entry.getKey())))
            .as("referrers of 0x%x", entry.getKey()).isEqualTo(wanted);
      }
      int arrayIndex = Dumps.at(dump, array);
      List<Long> targets = new ArrayList<>();
      for (long p = dump.outbound().start(arrayIndex); p < dump.outbound().end(arrayIndex); p++) {
        targets.add(dump.id(dump.outbound().neighbour(arrayIndex, p)));
      }
      List<Long> wantedTargets = new ArrayList<>();
      for (long slot : slots) {
        if (slot != 0 && slot < MISSING) {
          wantedTargets.add(slot);
        }
      }
      wantedTargets.add(nodes);
      assertThat(targets).as("the array's edges, in slot order").isEqualTo(wantedTargets);
      assertThat(dump.warnings()).anyMatch(w -> w.startsWith(danglingCount + " references to "));
    }
    assertThat(dangling).isGreaterThan(100);
  }

  @Test
  void aDanglingReferenceFailsBeforeALaterProblemInTheSameBatch() throws Exception {
    HprofWriter writer = HprofWriter.create();
    JdkClasses jdk = writer.writeMinimalJdkClasses();
    long node = writer.defineClass("com.example.Node").superclass(jdk.objectClass()).field("left", FieldType.OBJECT).write();
    long nodes = writer.defineClass("com.example.Node[]").superclass(jdk.objectClass()).write();
    long first = writer.reserveObjectId(32);
    long[] slots = new long[30_000];
    for (int s = 0; s < slots.length; s++) {
      slots[s] = s == 25_000 ? MISSING + 8 : first;
    }
    writer.instance(node).id(first).set("left", 0L).write();
    long array = writer.objectArray(nodes, slots);
    // Written later, so with a higher id: an instance of a class the dump does not hold.
    writer.instanceDump(writer.reserveObjectId(32), writer.defaultTraceSerial(), MISSING + 64, new byte[8]);
    writer.rootJniGlobal(array, array + 1);

    Throwable failure = catchThrowable(() -> Dumps.open(folder, writer, Strictness.STRICT).close());
    assertThat(failure).isInstanceOf(HprofFormatException.class);
    assertThat(failure.getMessage())
        .contains("OBJ ARRAY DUMP")
        .contains(String.format("reference [25000] to id 0x%x, which is not in the dump", MISSING + 8));
  }

  @Test
  void withoutTheDanglingReferenceTheLaterProblemFails() throws Exception {
    HprofWriter writer = HprofWriter.create();
    JdkClasses jdk = writer.writeMinimalJdkClasses();
    long node = writer.defineClass("com.example.Node").superclass(jdk.objectClass()).field("left", FieldType.OBJECT).write();
    long first = writer.reserveObjectId(32);
    writer.instance(node).id(first).set("left", first).write();
    writer.instanceDump(writer.reserveObjectId(32), writer.defaultTraceSerial(), MISSING + 64, new byte[8]);
    writer.rootJniGlobal(first, first + 1);

    Throwable failure = catchThrowable(() -> Dumps.open(folder, writer, Strictness.STRICT).close());
    assertThat(failure).isInstanceOf(HprofFormatException.class);
    assertThat(failure.getMessage()).contains(String.format("class 0x%x is not a dumped class", MISSING + 64));
  }

  /** Null a fifth of the time, an id not in the dump one time in twenty, else any object. */
  private static long pick(SplittableRandom random, long[] ids) {
    int draw = random.nextInt(100);
    if (draw < 5) {
      return MISSING + random.nextInt(1 << 16) * 8L;
    }
    return draw < 25 ? 0 : ids[random.nextInt(ids.length)];
  }

  /** Notes the edge {@code source label -> target} if it is kept; returns 1 for a dangling one. */
  private static int expect(Map<Long, List<String>> expected, long source, String label, long target) {
    if (target == 0) {
      return 0;
    }
    if (target >= MISSING) {
      return 1;
    }
    expected.computeIfAbsent(target, t -> new ArrayList<>()).add("0x" + Long.toHexString(source) + " " + label);
    return 0;
  }
}
