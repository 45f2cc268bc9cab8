package org.hpq.setalgebra;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

/** Algebraic laws of NodeSet on seeded random sets (no oracle: the laws check each other). */
class NodeSetLawsTest {

  private static final int RUNS = 150;

  @Test
  void deMorganWithinTheUniverse() {
    Seeds.repeat("de Morgan", RUNS, random -> {
      int universe = RandomSets.universe(random);
      NodeSet a = RandomSets.sample(random, universe).set();
      NodeSet b = RandomSets.sample(random, universe).set();
      assertThat(a.or(b).complement(universe))
          .isEqualTo(a.complement(universe).and(b.complement(universe)));
      assertThat(a.and(b).complement(universe))
          .isEqualTo(a.complement(universe).or(b.complement(universe)));
      assertThat(a.complement(universe).complement(universe)).isEqualTo(a);
      assertThat(a.and(a.complement(universe)).isEmpty()).isTrue();
      assertThat(a.or(a.complement(universe))).isEqualTo(NodeSet.range(0, universe));
      assertThat(a.andNot(b)).isEqualTo(a.and(b.complement(universe)));
    });
  }

  @Test
  void xorIsUnionMinusIntersection() {
    Seeds.repeat("xor", RUNS, random -> {
      int universe = RandomSets.universe(random);
      NodeSet a = RandomSets.sample(random, universe).set();
      NodeSet b = RandomSets.sample(random, universe).set();
      assertThat(a.xor(b)).isEqualTo(a.or(b).andNot(a.and(b)));
      assertThat(a.xor(b)).isEqualTo(a.andNot(b).or(b.andNot(a)));
      assertThat(a.xor(a).isEmpty()).isTrue();
      assertThat(a.xor(b).xor(b)).isEqualTo(a);
    });
  }

  @Test
  void commutativeAssociativeAbsorbingIdempotent() {
    Seeds.repeat("lattice", RUNS, random -> {
      int universe = RandomSets.universe(random);
      NodeSet a = RandomSets.sample(random, universe).set();
      NodeSet b = RandomSets.sample(random, universe).set();
      NodeSet c = RandomSets.sample(random, universe).set();
      assertThat(a.and(b)).isEqualTo(b.and(a));
      assertThat(a.or(b)).isEqualTo(b.or(a));
      assertThat(a.xor(b)).isEqualTo(b.xor(a));
      assertThat(a.and(b).and(c)).isEqualTo(a.and(b.and(c)));
      assertThat(a.or(b).or(c)).isEqualTo(a.or(b.or(c)));
      assertThat(a.xor(b).xor(c)).isEqualTo(a.xor(b.xor(c)));
      assertThat(a.or(a.and(b))).isEqualTo(a);
      assertThat(a.and(a.or(b))).isEqualTo(a);
      assertThat(a.and(a)).isEqualTo(a);
      assertThat(a.or(a)).isEqualTo(a);
      assertThat(a.and(b.or(c))).isEqualTo(a.and(b).or(a.and(c)));
    });
  }

  @Test
  void subsetTestsAgree() {
    Seeds.repeat("subset", RUNS, random -> {
      int universe = RandomSets.universe(random);
      NodeSet a = RandomSets.sample(random, universe).set();
      // Half the time make b a superset of a, so both answers are exercised.
      NodeSet b = RandomSets.sample(random, universe).set();
      if (random.nextBoolean()) {
        b = b.or(a);
      }
      boolean subset = a.isSubsetOf(b);
      assertThat(a.and(b).equals(a)).isEqualTo(subset);
      assertThat(a.or(b).equals(b)).isEqualTo(subset);
      assertThat(a.andNotCardinality(b) == 0).isEqualTo(subset);
      assertThat(a.isStrictSubsetOf(b)).isEqualTo(subset && !a.equals(b));
      assertThat(a.isSubsetOf(a)).isTrue();
      assertThat(a.isStrictSubsetOf(a)).isFalse();
    });
  }

  @Test
  void cardinalitiesEqualTheCountsOfBuiltResults() {
    Seeds.repeat("cardinality", RUNS, random -> {
      int universe = RandomSets.universe(random);
      NodeSet a = RandomSets.sample(random, universe).set();
      NodeSet b = RandomSets.sample(random, universe).set();
      assertThat(a.andCardinality(b)).isEqualTo(a.and(b).count());
      assertThat(a.orCardinality(b)).isEqualTo(a.or(b).count());
      assertThat(a.andNotCardinality(b)).isEqualTo(a.andNot(b).count());
      assertThat(a.xorCardinality(b)).isEqualTo(a.xor(b).count());
      assertThat(a.intersects(b)).isEqualTo(a.andCardinality(b) > 0);
      assertThat(a.orCardinality(b) + a.andCardinality(b)).isEqualTo(a.count() + b.count());
    });
  }
}
