package org.hpq.shell.lang.internal;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.Random;
import org.junit.jupiter.api.Test;

class SuggestionsTest {
  @Test
  void countsATranspositionAsOneEdit() {
    assertThat(Suggestions.distance("byrsc", "byrcs")).isEqualTo(1);
    assertThat(Suggestions.distance("bytpe", "bytype")).isEqualTo(1);
    assertThat(Suggestions.distance("", "abc")).isEqualTo(3);
    assertThat(Suggestions.distance("kitten", "sitting")).isEqualTo(3);
  }

  @Test
  void suggestsOnlyTheClosestNames() {
    List<String> names = List.of("byrcs", "bytype", "byvia", "byid", "count", "size");
    assertThat(Suggestions.closest("byrsc", names)).containsExactly("byrcs");
    assertThat(Suggestions.didYouMean("byi", names)).isEqualTo("; did you mean 'byid'?");
    assertThat(Suggestions.didYouMean("zzz", names)).isEmpty();
    assertThat(Suggestions.didYouMean("siz", List.of("size", "sin", "six"))).isEqualTo("; did you mean 'sin', 'six' or 'size'?");
  }

  @Test
  void distanceIsSymmetricAndBoundedOnRandomWords() {
    long seed = 20261121L;
    Random random = new Random(seed);
    for (int trial = 0; trial < 500; trial++) {
      String a = word(random);
      String b = word(random);
      int distance = Suggestions.distance(a, b);
      assertThat(distance).as("seed %d: %s vs %s", seed, a, b).isEqualTo(Suggestions.distance(b, a));
      assertThat(distance).as("seed %d: %s vs %s", seed, a, b)
          .isBetween(Math.abs(a.length() - b.length()), Math.max(a.length(), b.length()));
      assertThat(distance == 0).as("seed %d: %s vs %s", seed, a, b).isEqualTo(a.equals(b));
    }
  }

  private static String word(Random random) {
    StringBuilder word = new StringBuilder();
    int length = random.nextInt(6);
    for (int index = 0; index < length; index++) {
      word.append((char) ('a' + random.nextInt(3)));
    }
    return word.toString();
  }
}
