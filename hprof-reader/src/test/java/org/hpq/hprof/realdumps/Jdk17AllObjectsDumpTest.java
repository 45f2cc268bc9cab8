package org.hpq.hprof.realdumps;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.hpq.testkit.workloads.KnownGraph;
import org.junit.jupiter.api.Test;

/**
 * JDK 17, {@code GC.class_histogram -all} and {@code GC.heap_dump -all}: no GC before either, so
 * the dump keeps garbage, which the reader must flag as unreachable and not drop.
 */
class Jdk17AllObjectsDumpTest extends RealDumpTestBase {
  @Override
  Scenario scenario() {
    return Scenario.jdk17("jdk17-all").withAllObjects();
  }

  @Test
  void everyDumpedObjectIsCountedAsTheHistogramCountsIt() {
    Map<String, Tally> all = ClassTallies.all(dump);
    List<String> different = new ArrayList<>();
    for (String name : new java.util.TreeSet<>(histogram.keySet())) {
      long theirs = ClassTallies.get(histogram, name).instances();
      long mine = ClassTallies.get(all, name).instances();
      if (theirs != mine && !name.equals(CountAccounting.CLASS)) {
        different.add(name + ": reader " + mine + ", histogram " + theirs);
      }
    }
    assertThat(different).as(context()).isEmpty();
    // Mirrors of CDS-archived classes that are not loaded: counted by the VM, never dumped.
    assertThat(ClassTallies.get(histogram, CountAccounting.CLASS).instances())
        .as(context()).isGreaterThanOrEqualTo(ClassTallies.get(all, CountAccounting.CLASS).instances());
  }

  @Test
  void garbageIsFlaggedUnreachableNotDropped() {
    UnreachableCauses causes = UnreachableCauses.of(dump);
    long reachable = ClassTallies.reachable(dump).values().stream().mapToLong(Tally::instances).sum();
    long garbage = causes.total(UnreachableCause.OTHER).instances();
    assertThat(dump.objectCount() - reachable).as(context()).isGreaterThan(garbage - 1);
    // Lambda spinning and class loading at start-up leave thousands of dead objects behind.
    assertThat(garbage).as(context() + "\n" + causes.summary()).isGreaterThan(1000);
    int weakTarget = -1;
    for (int object = 0; object < dump.objectCount(); object++) {
      if (dump.typeName(object).equals(KnownGraph.WEAK_TARGET_CLASS_NAME)) {
        weakTarget = object;
      }
    }
    assertThat(weakTarget).as(context()).isNotNegative();
    assertThat(dump.isReachable(weakTarget)).as("%s: reachable through the weak referent", context()).isTrue();
  }
}
