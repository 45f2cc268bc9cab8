package org.hpq.testkit;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;

class ClassHistogramTest {
  // Lines in the shape JDK 17 and JDK 25 print (numbers made up).
  private static final String TEXT = String.join("\n",
      "2545:",
      " num     #instances         #bytes  class name (module)",
      "-------------------------------------------------------",
      "   1:         14659        1054928  [B (java.base@17.0.15)",
      "   2:          3154         378936  java.lang.Class (java.base@17.0.15)",
      "   5:          2059         180680  [Ljava.lang.Object; (java.base@17.0.15)",
      "  13:           338          47976  [Ljava.util.HashMap$Node; (java.base@25.0.3)",
      "  20:          1000          32000  org.hpq.testkit.workloads.KnownGraph$Item",
      "  21:             3             72  org.hpq.testkit.workloads.KnownGraph$Item",
      " 315:             1             56  [[I (java.base@17.0.15)",
      " 287:             4             96  com.sun.tools.javac.util.Options$$Lambda/0x000000009a063d90 (jdk.compiler@25.0.3)",
      "Total         21218        1694180");

  @Test
  void parsesLinesAndNormalisesNames() {
    ClassHistogram histogram = ClassHistogram.parse(TEXT);

    assertThat(histogram.entries()).hasSize(8);
    assertThat(histogram.entries().get(0)).isEqualTo(
        new HistogramEntry(1, 14659, 1054928, "byte[]", "[B", "java.base@17.0.15"));
    assertThat(histogram.asMap()).containsOnlyKeys("byte[]", "java.lang.Class", "java.lang.Object[]",
        "java.util.HashMap$Node[]", "org.hpq.testkit.workloads.KnownGraph$Item", "int[][]",
        "com.sun.tools.javac.util.Options$$Lambda/0x000000009a063d90");
    assertThat(histogram.asMap().get("org.hpq.testkit.workloads.KnownGraph$Item")).containsExactly(1003, 32072);
    assertThat(histogram.instances("java.lang.Object[]")).isEqualTo(2059);
    assertThat(histogram.bytes("int[][]")).isEqualTo(56);
    assertThat(histogram.instances("missing")).isZero();
    assertThat(histogram.entries().get(4).module()).isNull();
    assertThat(histogram.totalInstances()).isEqualTo(21218);
    assertThat(histogram.totalBytes()).isEqualTo(1694180);
  }

  @Test
  void rejectsTextWithoutClassLines() {
    assertThatThrownBy(() -> ClassHistogram.parse("1234:\nCommand not found"))
        .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("Command not found");
  }
}
