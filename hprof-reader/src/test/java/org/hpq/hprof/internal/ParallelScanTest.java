package org.hpq.hprof.internal;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowable;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.SplittableRandom;
import org.hpq.hprof.HprofFormatException;
import org.hpq.hprof.ProgressListener;
import org.hpq.hprof.Strictness;
import org.hpq.hprof.io.FileDumpSource;
import org.hpq.hprof.store.BigArrays;
import org.hpq.hprof.store.JoinedLongArray;
import org.hpq.hprof.store.LongArray;
import org.hpq.hprof.store.Prefaulter;
import org.hpq.testkit.FieldType;
import org.hpq.testkit.HeapDumpLayout;
import org.hpq.testkit.HprofWriter;
import org.hpq.testkit.JdkClasses;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * The scan on two threads (a helper noting the objects of the second half of the heap dump's
 * segments) must give exactly what one scanner gives: the same objects in the same order, the same
 * figures, roots, class dumps and warnings, and the same failure; and it must really hand over,
 * which the joined id column shows.
 */
class ParallelScanTest {
  @TempDir Path folder;

  @ParameterizedTest
  @ValueSource(longs = {1, 2, 3, 4, 5})
  void givesWhatOneScannerGives(long seed) throws Exception {
    Scanned one = scannedAlike(write(randomDump(seed, false, false), "dump-" + seed), Strictness.WARN, true);
    assertThat(one.ids.length).isGreaterThan(2000);
  }

  @ParameterizedTest
  @ValueSource(longs = {6, 7})
  void objectsOutOfIdOrderAndRootsAfterThemAreReadTheSame(long seed) throws Exception {
    Scanned one = scannedAlike(write(randomDump(seed, true, false), "dump-" + seed), Strictness.WARN, true);
    assertThat(one.ascending).isFalse();
  }

  @ParameterizedTest
  @ValueSource(longs = {11, 12})
  void halvesEachInIdOrderButNotTogetherAreNotInIdOrder(long seed) throws Exception {
    Scanned one = scannedAlike(write(randomDump(seed, false, false, true), "rotated-" + seed), Strictness.WARN, true);
    assertThat(one.ascending).isFalse();
  }

  @ParameterizedTest
  @ValueSource(doubles = {0.3, 0.6, 0.9})
  void aTruncatedDumpGivesTheSameObjectsAndWarnings(double keep) throws Exception {
    byte[] bytes = randomDump(8, false, false);
    Path dump = write(Arrays.copyOf(bytes, (int) (bytes.length * keep)), "cut");
    Scanned one = scannedAlike(dump, Strictness.PERMISSIVE, false);
    assertThat(one.warnings).anyMatch(w -> w.contains("truncated"));
    failsAlike(dump, Strictness.WARN);
  }

  @ParameterizedTest
  @ValueSource(longs = {9, 10})
  void aSubRecordCrossingItsSegmentIsReadTheSame(long seed) throws Exception {
    Path dump = write(randomDump(seed, false, true), "crossing-" + seed);
    Scanned one = scannedAlike(dump, Strictness.PERMISSIVE, false);
    assertThat(one.warnings).anyMatch(w -> w.contains("cut in two"));
    failsAlike(dump, Strictness.WARN);
  }

  /**
   * Scans {@code dump} with one thread and with two, checks that both found the same, and that the
   * two-thread scan took the helper's objects over when {@code handedOver}; returns what was found.
   */
  private Scanned scannedAlike(Path dump, Strictness strictness, boolean handedOver) throws Exception {
    Scanned one = scan(dump, strictness, false);
    Scanned two = scan(dump, strictness, true);
    if (handedOver) {
      assertThat(two.joined).as("the helper's objects were taken over").isTrue();
    }
    assertThat(two).isEqualTo(one);
    return one;
  }

  /** Scanning {@code dump} fails with one thread, and with two with the same message. */
  private void failsAlike(Path dump, Strictness strictness) {
    Throwable one = catchThrowable(() -> scan(dump, strictness, false));
    Throwable two = catchThrowable(() -> scan(dump, strictness, true));
    assertThat(one).isInstanceOf(HprofFormatException.class);
    assertThat(two).isInstanceOf(HprofFormatException.class).hasMessage(one.getMessage());
  }

  /** What a scan found, the arrays copied out. */
  private record Scanned(
      long[] ids, long[] offsets, List<String> warnings, List<String> roots, List<Long> classDumps, long smallest,
      long largest, long idBits, long largestArray, boolean ascending, long endOffset, boolean joined) {
    @Override
    public boolean equals(Object other) {
      return other instanceof Scanned that && Arrays.equals(ids, that.ids) && Arrays.equals(offsets, that.offsets)
          && warnings.equals(that.warnings) && roots.equals(that.roots) && classDumps.equals(that.classDumps)
          && smallest == that.smallest && largest == that.largest && idBits == that.idBits
          && largestArray == that.largestArray && ascending == that.ascending && endOffset == that.endOffset;
    }

    @Override
    public int hashCode() {
      return Arrays.hashCode(ids);
    }

    @Override
    public String toString() {
      return String.format("%d objects, %s, roots %s, %d class dumps, asc %s, end %d", ids.length, warnings, roots,
          classDumps.size(), ascending, endOffset);
    }
  }

  private Scanned scan(Path dump, Strictness strictness, boolean parallel) throws Exception {
    if (parallel) {
      System.setProperty("hpq.parallelScanMinimum", "1");
    }
    try (FileDumpSource source = FileDumpSource.open(dump);
        BigArrays arrays = BigArrays.scratchIn(folder)) {
      RecordScanner.Slots slots = new RecordScanner.Slots() {
        @Override
        public LongArray ids(long bound) {
          return arrays.newLongArray(bound);
        }

        @Override
        public LongArray offsets(long bound) {
          return arrays.newLongArray(bound);
        }
      };
      ScanResult result =
          new RecordScanner(source, strictness, 0, slots, Prefaulter.none(), ProgressListener.NONE).scan();
      int count = Math.toIntExact(result.objectCount);
      long[] ids = new long[count];
      long[] offsets = new long[count];
      result.objectIds.get(0, ids, 0, count);
      result.objectOffsets.get(0, offsets, 0, count);
      List<String> roots = new ArrayList<>();
      for (RootRecord root : result.roots) {
        roots.add(root.toString());
      }
      List<Long> classDumps = new ArrayList<>();
      for (ClassDumpRecord record : result.classDumps) {
        classDumps.add(record.classId());
      }
      boolean joined = result.objectIds instanceof JoinedLongArray;
      result.objectIds.close();
      result.objectOffsets.close();
      return new Scanned(ids, offsets, List.copyOf(result.warnings), roots, classDumps, result.smallestId,
          result.largestId, result.idBits, result.largestArrayBytes, result.idsAscending, result.endOffset, joined);
    } finally {
      System.clearProperty("hpq.parallelScanMinimum");
    }
  }

  private Path write(byte[] bytes, String name) throws Exception {
    Path file = folder.resolve(name + ".hprof");
    Files.write(file, bytes);
    return file;
  }

  /**
   * Some thousands of objects in segments of 2 KB: instances, object and primitive arrays. With
   * {@code shuffled}, ids out of order and roots and a class dump among the later objects; with
   * {@code crossing}, a sub-record in the second half that runs past its segment's end.
   */
  private static byte[] randomDump(long seed, boolean shuffled, boolean crossing) throws Exception {
    return randomDump(seed, shuffled, crossing, false);
  }

  /** As {@link #randomDump(long, boolean, boolean)}; with {@code rotated}, the later half of the ids first. */
  private static byte[] randomDump(long seed, boolean shuffled, boolean crossing, boolean rotated) throws Exception {
    SplittableRandom random = new SplittableRandom(seed);
    HprofWriter writer = HprofWriter.create().defaultHeapDumpLayout(HeapDumpLayout.segments(2048));
    JdkClasses jdk = writer.writeMinimalJdkClasses();
    long node =
        writer.defineClass("com.example.Node").superclass(jdk.objectClass())
            .field("next", FieldType.OBJECT).field("weight", FieldType.INT).write();
    long nodes = writer.defineClass("com.example.Node[]").superclass(jdk.objectClass()).write();
    int count = 3000 + random.nextInt(1000);
    long[] ids = new long[count];
    for (int i = 0; i < count; i++) {
      ids[i] = writer.reserveObjectId(64);
    }
    if (rotated) {
      long[] copy = ids.clone();
      for (int i = 0; i < count; i++) {
        ids[i] = copy[(i + count / 2) % count];
      }
    }
    if (shuffled) {
      for (int i = count - 1; i > 0; i--) {
        int j = random.nextInt(i + 1);
        long swap = ids[i];
        ids[i] = ids[j];
        ids[j] = swap;
      }
    }
    for (int i = 0; i < count; i++) {
      if (shuffled && i == count * 3 / 4) {
        writer.rootJniGlobal(ids[0], ids[0] + 1);
        writer.defineClass("com.example.Late").superclass(jdk.objectClass()).field("x", FieldType.LONG).write();
      }
      if (crossing && i == count * 2 / 3) {
        // Declares 4096 field bytes but holds 16, so that it runs past the end of its segment.
        writer.rawSubRecord(instanceBytes(writer, writer.reserveObjectId(64), node, 4096, 16));
      }
      int kind = random.nextInt(10);
      if (kind < 6) {
        writer.instance(node).id(ids[i]).set("next", ids[random.nextInt(count)]).set("weight", i).write();
      } else if (kind < 8) {
        writer.objectArrayWithId(ids[i], nodes, ids[random.nextInt(count)], 0L, ids[random.nextInt(count)]);
      } else {
        writer.primitiveArrayWithId(ids[i], new byte[random.nextInt(40)]);
      }
    }
    writer.rootJniGlobal(ids[1], ids[1] + 1);
    return writer.toBytes();
  }

  /** An INSTANCE DUMP sub-record declaring {@code declared} bytes of fields and holding {@code held} zero bytes. */
  private static byte[] instanceBytes(HprofWriter writer, long id, long classId, int declared, int held) {
    java.nio.ByteBuffer buffer = java.nio.ByteBuffer.allocate(1 + 8 + 4 + 8 + 4 + held);
    buffer.put((byte) 0x21).putLong(id).putInt(writer.defaultTraceSerial()).putLong(classId).putInt(declared);
    return buffer.array();
  }
}
