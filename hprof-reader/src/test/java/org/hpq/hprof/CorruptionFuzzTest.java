package org.hpq.hprof;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.fail;

import java.nio.file.Path;
import java.util.List;
import java.util.Random;
import java.util.Set;
import java.util.TreeSet;
import java.util.stream.Collectors;
import org.hpq.testkit.FieldType;
import org.hpq.testkit.HeapDumpLayout;
import org.hpq.testkit.HprofWriter;
import org.hpq.testkit.JdkClasses;
import org.hpq.testkit.StackFrameSpec;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;

/**
 * Truncations and random damage of a dump that holds every common record: whatever the damage,
 * opening gives a readable dump or an {@link HprofFormatException} (never another exception, never
 * a hang), and a successful open can be read in full. Seeded; the seed is in every failure message.
 */
@Timeout(120)
class CorruptionFuzzTest {
  private static final long SEED = 0x5eed_2026L;

  @TempDir static Path folder;
  static byte[] bytes;
  static Set<Long> ids;
  static Set<Integer> recordStarts;

  @BeforeAll
  static void writeDump() throws Exception {
    HprofWriter writer = HprofWriter.create().defaultHeapDumpLayout(HeapDumpLayout.segments(700));
    JdkClasses jdk = writer.writeMinimalJdkClasses();
    long node =
        writer.defineClass("com.example.Node").superclass(jdk.objectClass())
            .field("next", FieldType.OBJECT).field("label", FieldType.OBJECT).field("weight", FieldType.DOUBLE)
            .staticField("HEAD", FieldType.OBJECT, 0L).write();
    long previous = 0;
    for (int i = 0; i < 12; i++) {
      previous = writer.instance(node).set("next", previous).set("label", writer.string("node " + i)).set("weight", i * 0.5).write();
    }
    long array = writer.objectArray(jdk.objectArrayClass(), previous, 0, previous);
    writer.primitiveArray(new int[] {1, 2, 3, 4});
    long weak = writer.instance(jdk.weakReferenceClass()).set("referent", previous).write();
    long thread = writer.instance(jdk.threadClass()).set("name", writer.string("worker")).write();
    var handle = writer.thread(thread, StackFrameSpec.of(node, "work", 7), StackFrameSpec.of(node, "run", 3));
    writer.rootJavaFrame(array, handle.threadSerial(), 1);
    writer.rootJniGlobal(weak, 5);
    bytes = writer.toBytes();
    Path file = Dumps.write(folder.resolve("full"), bytes);
    try (HeapDump dump = HeapDump.open(file, Dumps.options(folder.resolve("full"), Strictness.STRICT))) {
      ids = new TreeSet<>();
      for (int object = 0; object < dump.objectCount(); object++) {
        ids.add(dump.id(object));
      }
      readEverything(dump);
    }
    recordStarts = TopLevelRecords.of(bytes).stream().map(TopLevelRecords.Entry::offset).collect(Collectors.toSet());
    recordStarts.add(bytes.length);
  }

  @Test
  void truncationAtManyOffsets() throws Exception {
    Random random = new Random(SEED);
    TreeSet<Integer> cuts = new TreeSet<>();
    for (int cut = 0; cut < 40; cut++) {
      cuts.add(cut);
    }
    for (TopLevelRecords.Entry entry : TopLevelRecords.of(bytes)) {
      cuts.add(entry.offset() + 4); // inside a record header
      cuts.add(entry.bodyStart() + entry.length() / 2); // inside a body or a sub-record
    }
    while (cuts.size() < 120) {
      cuts.add(random.nextInt(bytes.length));
    }
    int run = 0;
    for (int cut : cuts) {
      byte[] truncated = java.util.Arrays.copyOf(bytes, cut);
      String context = "cut at " + cut + " of " + bytes.length + " (seed " + SEED + ")";
      boolean boundary = recordStarts.contains(cut);
      for (Strictness strictness : new Strictness[] {Strictness.STRICT, Strictness.PERMISSIVE}) {
        Path where = folder.resolve("cut-" + run++);
        HeapDump dump = openOrNull(where, truncated, strictness, context);
        boolean headerComplete = cut >= TopLevelRecords.headerLength(bytes);
        if (strictness == Strictness.STRICT && !boundary) {
          assertThat(dump).as(context + ": STRICT must refuse a truncated dump").isNull();
        }
        if (strictness == Strictness.PERMISSIVE && headerComplete) {
          assertThat(dump).as(context + ": PERMISSIVE must open it").isNotNull();
        }
        if (dump != null) {
          try (dump) {
            for (int object = 0; object < dump.objectCount(); object++) {
              assertThat(ids).as(context).contains(dump.id(object));
            }
            if (!boundary) {
              assertThat(dump.warnings()).as(context).anyMatch(warning -> warning.contains("lost") || warning.contains("skipped"));
            }
            readEverything(dump);
          }
        }
      }
    }
  }

  @Test
  void randomDamage() throws Exception {
    for (int round = 0; round < 150; round++) {
      long seed = SEED + round;
      Random random = new Random(seed);
      byte[] damaged = bytes.clone();
      int flips = 1 + random.nextInt(4);
      for (int flip = 0; flip < flips; flip++) {
        int position = TopLevelRecords.headerLength(bytes) + random.nextInt(bytes.length - TopLevelRecords.headerLength(bytes));
        damaged[position] = random.nextBoolean() ? (byte) random.nextInt(256) : (byte) (damaged[position] ^ (1 << random.nextInt(8)));
      }
      Strictness strictness = Strictness.values()[round % 3];
      HeapDump dump = openOrNull(folder.resolve("damage-" + round), damaged, strictness, "seed " + seed + ", " + strictness);
      if (dump != null) {
        try (dump) {
          readEverything(dump);
        } catch (RuntimeException e) {
          throw new AssertionError("reading a damaged dump failed, seed " + seed + ", " + strictness, e);
        }
      }
    }
  }

  @Test
  void randomInsertions() throws Exception {
    for (int round = 0; round < 60; round++) {
      long seed = SEED * 31 + round;
      Random random = new Random(seed);
      int position = TopLevelRecords.headerLength(bytes) + random.nextInt(bytes.length - TopLevelRecords.headerLength(bytes));
      byte[] junk = new byte[1 + random.nextInt(12)];
      random.nextBytes(junk);
      byte[] damaged = new byte[bytes.length + junk.length];
      System.arraycopy(bytes, 0, damaged, 0, position);
      System.arraycopy(junk, 0, damaged, position, junk.length);
      System.arraycopy(bytes, position, damaged, position + junk.length, bytes.length - position);
      Strictness strictness = Strictness.values()[round % 3];
      HeapDump dump = openOrNull(folder.resolve("insert-" + round), damaged, strictness, "seed " + seed + ", " + strictness);
      if (dump != null) {
        try (dump) {
          readEverything(dump);
        }
      }
    }
  }

  /** Opens a dump, or returns null after checking that it failed with a proper exception. */
  private static HeapDump openOrNull(Path where, byte[] data, Strictness strictness, String context) {
    try {
      Path file = Dumps.write(where, data);
      return HeapDump.open(file, Dumps.options(where, strictness));
    } catch (HprofFormatException e) {
      assertThat(e.getMessage()).as(context).contains("offset 0x").doesNotContain("internal error");
      if (e.getCause() != null) {
        assertThat(e.getCause()).as(context).isInstanceOf(org.hpq.hprof.io.UnknownDumpFormatException.class);
      }
      return null;
    } catch (java.io.IOException e) {
      assertThat(e).as(context).isInstanceOf(org.hpq.hprof.io.UnknownDumpFormatException.class);
      return null;
    } catch (RuntimeException e) {
      return fail(context + ": " + e, e);
    }
  }

  /** Reads every object's type, fields, array contents and text, and every root. */
  static void readEverything(HeapDump dump) {
    for (int object = 0; object < dump.objectCount(); object++) {
      dump.typeName(object);
      dump.shallowSize(object);
      List<FieldValue> fields = dump.fields(object);
      for (FieldValue field : fields) {
        field.text();
      }
      dump.stringValue(object);
      long length = dump.arrayLength(object);
      if (length > 0) {
        dump.arrayElements(object, 0, 64);
      }
      for (long p = dump.inbound().start(object); p < dump.inbound().end(object); p++) {
        dump.labelText(dump.inboundLabel(p));
      }
    }
    for (GcRoot root : dump.roots()) {
      root.label();
    }
  }
}
