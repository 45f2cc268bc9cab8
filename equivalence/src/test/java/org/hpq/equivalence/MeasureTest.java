package org.hpq.equivalence;

import java.nio.file.Path;
import java.util.function.Supplier;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.condition.EnabledIfSystemProperty;
import org.junit.jupiter.api.io.TempDir;

/**
 * Rough timings on a generated dump, printed, never asserted: run with {@code
 * -Dhpq.measure=NODES} (e.g. 1000000). Not part of the normal build.
 */
@EnabledIfSystemProperty(named = "hpq.measure", matches = "\\d+")
class MeasureTest {
  @TempDir Path folder;

  @Test
  void timings() throws Exception {
    int nodes = Integer.getInteger("hpq.measure");
    long start = System.nanoTime();
    Heap heap = LargeSets.write(folder, nodes, 1);
    report("write and index " + heap.dump().objectCount() + " objects", start);
    ObjectSet all = heap.heapSet();
    for (String relation : new String[] {"clodo", "type", "size", "rcs", "via"}) {
      time("by" + relation, () -> all.by(relation).partition().rows().size());
    }
    time("byid first page", () -> all.by("id").toString().length());
    time("referrers", () -> all.referrers().count());
    time("Via('[0]').alt('>=') & heap", () -> all.and(heap.kinds().via("[0]").alt(org.hpq.setalgebra.Relaxation.GREATER_OR_EQUAL)).count());
    time("rp of the byte[] row", () -> all.by("clodo").row(0).rp().toString().length());
  }

  private static void time(String what, Supplier<Object> work) {
    long start = System.nanoTime();
    Object result = work.get();
    report(what + " -> " + result, start);
  }

  private static void report(String what, long start) {
    System.out.printf("MEASURE %-50s %8.3f s%n", what, (System.nanoTime() - start) / 1e9);
  }
}
