package org.hpq.hprof.realdumps;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

/** JDK 17 with {@code -XX:-UseCompressedOops}: 8-byte references, no CDS archived heap. */
class Jdk17WithoutCompressedOopsDumpTest extends RealDumpTestBase {
  /**
   * HotSpot's {@code java.lang.Class} instance on JDK 17 without compressed oops: 12-byte header,
   * 14 references and an int of Java fields (116), injected klass and array_klass (intptr),
   * oop_size and static_oop_field_count (int) and three references: 176.
   */
  static final long MIRROR_BASE = 176;

  @Override
  Scenario scenario() {
    return Scenario.jdk17("jdk17-no-compressed-oops").withoutCompressedOops();
  }

  @Test
  void everyCountAndSizeIsExactButChurn() {
    HistogramDiff diff = HistogramDiff.compare(ClassTallies.reachable(dump), histogram);
    assertThat(onlyClass(CountAccounting.CLASS).instanceSize()).as(context()).isEqualTo(MIRROR_BASE);
    assertThat(diff.rows()).as("%s\n%s", context(), diff.table()).allMatch(row -> CHURN.contains(row.name()));
  }
}
