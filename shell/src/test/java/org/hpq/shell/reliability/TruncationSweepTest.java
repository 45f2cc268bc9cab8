package org.hpq.shell.reliability;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Random;
import java.util.TreeSet;
import org.hpq.hprof.HeapDump;
import org.hpq.hprof.HprofFormatException;
import org.hpq.hprof.OpenOptions;
import org.hpq.hprof.Strictness;
import org.hpq.shell.fuzz.SmallHeap;
import org.hpq.shell.heap.HeapShell;
import org.hpq.shell.lang.CancellationToken;
import org.hpq.shell.lang.Interpreter;
import org.hpq.shell.lang.RenderOptions;
import org.hpq.shell.lang.ShellValue;
import org.hpq.shell.lang.Source;
import org.hpq.shell.lang.value.IntValue;
import org.hpq.testkit.ChildJvmDump;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;

/**
 * Truncated dumps, the way a killed process or a full disk leaves them. In STRICT each cut gives
 * an {@link HprofFormatException} with an offset inside the file (a cut exactly between records
 * may also open); in PERMISSIVE each opens, {@code hp.heap()} answers through the shell, and
 * {@code hp.warnings} says what was lost. A real JDK dump is cut at every 10% of its length (every
 * 1% with {@code -Dhpq.reliability.full=true}); a small test-writer dump at every record boundary
 * and at seeded random offsets inside records.
 */
@Timeout(900)
class TruncationSweepTest {
  private static final long SEED = 0x7a0c_a7edL;
  private static final boolean FULL = Boolean.getBoolean("hpq.reliability.full");

  @TempDir Path folder;
  private int run;

  @Test
  void aRealDumpCutAtEveryPercent() throws Exception {
    Path dumpFile = ChildJvmDump.of(RealWorkload.class).jvmOptions("-Xmx32m", "-XX:+UseSerialGC").dumpTo(folder).dumpFile();
    byte[] bytes = Files.readAllBytes(dumpFile);
    TreeSet<Integer> boundaries = Records.boundaries(bytes);
    int step = FULL ? 1 : 10;
    for (int percent = step; percent < 100; percent += step) {
      int cut = (int) ((long) bytes.length * percent / 100);
      check(bytes, cut, boundaries.contains(cut), percent + "% (" + cut + " of " + bytes.length + " bytes)");
    }
    System.out.println("TruncationSweepTest: real dump of " + bytes.length + " bytes cut at " + (99 / step) + " points");
  }

  @Test
  void aSmallDumpCutAtEveryRecordBoundaryAndInsideRecords() throws Exception {
    byte[] bytes = SmallHeap.bytes(30);
    TreeSet<Integer> boundaries = Records.boundaries(bytes);
    List<Integer> cuts = new ArrayList<>(boundaries.headSet(bytes.length));
    Random random = new Random(SEED);
    List<Integer> starts = new ArrayList<>(boundaries);
    for (int i = 0; i + 1 < starts.size(); i++) {
      int start = starts.get(i);
      int end = starts.get(i + 1);
      cuts.add(start + 1 + random.nextInt(8)); // inside the record header
      if (end - start > 10) {
        cuts.add(start + 9 + random.nextInt(end - start - 9)); // inside the body (a sub-record)
      }
    }
    while (cuts.size() < (FULL ? 600 : 150)) {
      cuts.add(Records.headerLength(bytes) + random.nextInt(bytes.length - Records.headerLength(bytes)));
    }
    for (int cut : cuts) {
      check(bytes, cut, boundaries.contains(cut), "cut at " + cut + " of " + bytes.length + " (seed " + SEED + ")");
    }
    System.out.println("TruncationSweepTest: small dump of " + bytes.length + " bytes cut at " + cuts.size() + " points");
  }

  private void check(byte[] bytes, int cut, boolean boundary, String context) throws Exception {
    byte[] truncated = Arrays.copyOf(bytes, cut);
    Path where = Files.createDirectories(folder.resolve("cut-" + run++));
    Path file = Files.write(where.resolve("cut.hprof"), truncated);

    HprofFormatException strict =
        catchThrowableOfType(HprofFormatException.class, () -> HeapDump.open(file, options(where, Strictness.STRICT)).close());
    if (!boundary) {
      assertThat(strict).as(context + ": STRICT must refuse a dump cut inside a record").isNotNull();
    }
    if (strict != null) {
      assertThat(strict.offset()).as(context + ": " + strict.getMessage()).isBetween(0L, (long) cut);
      assertThat(strict.getMessage()).as(context).contains(file.toString(), "offset 0x" + Long.toHexString(strict.offset()));
      assertThat(strict.getCause()).as(context).isNull();
    }

    OpenOptions permissive = options(where, Strictness.PERMISSIVE);
    try (HeapDump dump = HeapDump.open(file, permissive);
        HeapShell shell = HeapShell.create(dump, permissive)) {
      Interpreter interpreter = shell.interpreter();
      List<ShellValue> values = new ArrayList<>();
      interpreter.execute(Source.of("sweep", "hp.heap().count; hp.heap().bytype; hp.warnings"), CancellationToken.create(), values::add);
      assertThat(((IntValue) values.get(0)).value()).as(context).isBetween(0L, (long) dump.objectCount());
      values.get(1).render(RenderOptions.DEFAULT);
      if (!boundary) {
        assertThat(values.get(2).render(RenderOptions.forWidth(200))).as(context + ": hp.warnings").containsAnyOf("lost", "skipped");
      }
    }
  }

  private static OpenOptions options(Path where, Strictness strictness) {
    return SmallHeap.options(where.resolve(strictness.name())).withStrictness(strictness);
  }
}
