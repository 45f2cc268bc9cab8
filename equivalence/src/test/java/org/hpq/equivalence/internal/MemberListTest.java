package org.hpq.equivalence.internal;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Arrays;
import java.util.Random;
import java.util.stream.IntStream;
import org.hpq.setalgebra.NodeSet;
import org.junit.jupiter.api.Test;

/**
 * Member lists of every shape (small, large with sparse and crowded chunks, a crowded chunk that
 * the small list already reached) against the set of the same members. Seeded.
 */
class MemberListTest {

  @Test
  void holdsExactlyTheMembersAdded() {
    for (long seed = 1; seed <= 60; seed++) {
      Random random = new Random(seed);
      int[] members = ascending(random);
      MemberList list = new MemberList();
      for (int member : members) {
        list.add(member);
      }
      NodeSet expected = NodeSet.of(members);
      NodeSet actual = list.toSet();
      assertThat(Arrays.equals(actual.toArray(), members)).as("seed " + seed).isTrue();
      assertThat(actual).as("seed " + seed).isEqualTo(expected);
      assertThat(actual.hashCode()).as("seed " + seed).isEqualTo(expected.hashCode());
      // Set algebra over the result must work on its containers, whatever their kind.
      assertThat(actual.andNot(expected).isEmpty()).as("seed " + seed).isTrue();
      assertThat(actual.xorCardinality(expected)).as("seed " + seed).isZero();
      assertThat(MemberList.union(list, null).toSet()).as("seed " + seed).isEqualTo(expected);
    }
  }

  /** Ascending distinct members: per chunk of 2^16 indexes none, a few, or thousands. */
  private static int[] ascending(Random random) {
    IntStream.Builder members = IntStream.builder();
    int chunks = 1 + random.nextInt(6);
    int base = random.nextInt(4) << 16;
    for (int chunk = 0; chunk < chunks; chunk++) {
      double share = switch (random.nextInt(4)) {
        case 0 -> 0;
        case 1 -> random.nextDouble() * 0.01;
        case 2 -> 0.05 + random.nextDouble() * 0.02;
        default -> random.nextDouble();
      };
      for (int low = 0; low < 1 << 16; low++) {
        if (random.nextDouble() < share) {
          members.add(base + (chunk << 16) + low);
        }
      }
    }
    return members.build().toArray();
  }
}
