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
  void mirrorSizeModelReproducesTheHistogramExactly() {
    long modelled = 0;
    long mirrors = 0;
    for (int object = 0; object < dump.objectCount(); object++) {
      if (dump.typeName(object).equals(CountAccounting.CLASS)) {
        mirrors++;
        modelled += MirrorSizes.size(dump.classAtOrNull(object), dump.sizeModel(), MIRROR_BASE);
      }
    }
    Tally theirs = ClassTallies.get(histogram, CountAccounting.CLASS);
    assertThat(mirrors).as(context()).isEqualTo(theirs.instances());
    // The proposed reader fix: with this model, java.lang.Class bytes become exact.
    assertThat(modelled).as(context()).isEqualTo(theirs.bytes());
  }
}
