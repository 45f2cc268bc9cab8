package org.hpq.hprof.realdumps;

import java.util.Map;
import java.util.TreeMap;
import java.util.function.IntPredicate;
import org.hpq.hprof.HeapDump;
import org.hpq.testkit.ClassHistogram;

/** Per-class tallies of a dump (by the reader) and of a histogram (by the VM). */
final class ClassTallies {
  private ClassTallies() {}

  /**
   * Instances and bytes per type name of the objects that pass {@code include} (the reader spells
   * hidden classes as {@code Class.getName()} and the histogram do).
   */
  static Map<String, Tally> of(HeapDump dump, IntPredicate include) {
    Map<String, Tally> tallies = new TreeMap<>();
    for (int object = 0; object < dump.objectCount(); object++) {
      if (include.test(object)) {
        long size = dump.shallowSize(object);
        tallies.merge(dump.typeName(object), Tally.ZERO.plus(size), Tally::plus);
      }
    }
    return tallies;
  }

  /** The reachable objects ({@code hp.heap()}), per class. */
  static Map<String, Tally> reachable(HeapDump dump) {
    return of(dump, dump::isReachable);
  }

  /** Every object of the dump, reachable or not, per class. */
  static Map<String, Tally> all(HeapDump dump) {
    return of(dump, object -> true);
  }

  /** The histogram's rows as tallies (classes of one name from several loaders summed). */
  static Map<String, Tally> of(ClassHistogram histogram) {
    Map<String, Tally> tallies = new TreeMap<>();
    histogram.asMap().forEach((name, counts) -> tallies.put(name, new Tally(counts[0], counts[1])));
    return tallies;
  }

  static Tally get(Map<String, Tally> tallies, String name) {
    return tallies.getOrDefault(name, Tally.ZERO);
  }
}
