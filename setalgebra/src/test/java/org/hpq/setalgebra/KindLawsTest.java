package org.hpq.setalgebra;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.Random;
import org.junit.jupiter.api.Test;

/**
 * Kinds over two toy relations (residues mod 7 and mod 5, with alt orderings): simplification
 * never changes which nodes a kind holds, and the algebra's identities hold structurally.
 */
class KindLawsTest {

  private static final int RUNS = 400;
  /** Holds every residue of both relations several times. */
  private static final int UNIVERSE = 7 * 5 * 6;

  /**
   * Absorption and associativity hold structurally for kinds of this depth (literals and one
   * operation on literals, 40,000 seeds checked); deeper kinds can end in different but
   * equivalent normal forms, see {@link KindRegressionTest}.
   */
  private static final int LATTICE_DEPTH = Integer.getInteger("hpq.latticeDepth", 1);

  private static final ResidueClassifier MOD7 = new ResidueClassifier("Mod7", 7, Relaxation.LESS_OR_EQUAL);
  private static final ResidueClassifier MOD5 = new ResidueClassifier("Mod5", 5, Relaxation.GREATER_OR_EQUAL);
  private static final List<ResidueClassifier> CLASSIFIERS = List.of(MOD7, MOD5);

  @Test
  void simplificationNeverChangesTheMembers() {
    Seeds.repeat("kind semantics", RUNS, random -> {
      boolean canonical = random.nextBoolean();
      KindExpression expression = KindExpression.random(random, 4, CLASSIFIERS, canonical);
      assertSameMembers(expression, random);
    });
  }

  /** Checks {@code filter} and {@code contains} of the built kind against the naive evaluation. */
  static void assertSameMembers(KindExpression expression, Random random) {
    Kind kind = expression.build();
    NodeSet within = randomWithin(random);
    NodeSet.Builder expected = NodeSet.builder();
    within.forEach(node -> {
      if (expression.holds(node)) {
        expected.add(node);
      }
    });
    assertThat(kind.filter(within))
        .as("%s simplified to %s, within %s", expression, kind, within)
        .isEqualTo(expected.build());
    for (int node = 0; node < UNIVERSE; node++) {
      assertThat(kind.contains(node))
          .as("%s simplified to %s, node %d", expression, kind, node)
          .isEqualTo(expression.holds(node));
    }
  }

  private static NodeSet randomWithin(Random random) {
    if (random.nextInt(4) == 0) {
      return NodeSet.range(0, UNIVERSE);
    }
    NodeSet.Builder builder = NodeSet.builder();
    for (int node = 0; node < UNIVERSE; node++) {
      if (random.nextBoolean()) {
        builder.add(node);
      }
    }
    return builder.build();
  }

  private static Kind randomKind(Random random, boolean canonical) {
    return randomKind(random, canonical, 3);
  }

  private static Kind randomKind(Random random, boolean canonical, int depth) {
    return KindExpression.random(random, depth, CLASSIFIERS, canonical).build();
  }

  @Test
  void negationIsAnInvolutionAndFollowsDeMorgan() {
    Seeds.repeat("negation", RUNS, random -> {
      boolean canonical = random.nextBoolean();
      Kind a = randomKind(random, canonical);
      Kind b = randomKind(random, canonical);
      assertThat(a.not().not()).as("~~(%s)", a).isEqualTo(a);
      assertThat(a.or(b).not()).as("~(%s | %s)", a, b).isEqualTo(a.not().and(b.not()));
      assertThat(a.and(b).not()).as("~(%s & %s)", a, b).isEqualTo(a.not().or(b.not()));
      assertThat(a.minus(b)).isEqualTo(a.and(b.not()));
      assertThat(a.xor(b)).isEqualTo(a.minus(b).or(b.minus(a)));
    });
  }

  @Test
  void identitiesAndComplementsHoldStructurally() {
    Seeds.repeat("identities", RUNS, random -> {
      Kind a = randomKind(random, random.nextBoolean());
      assertThat(a.and(Kind.anything())).isEqualTo(a);
      assertThat(a.or(Kind.nothing())).isEqualTo(a);
      assertThat(a.and(Kind.nothing())).isEqualTo(Kind.nothing());
      assertThat(a.or(Kind.anything())).isEqualTo(Kind.anything());
      assertThat(a.and(a.not())).as("%s & ~(%s)", a, a).isEqualTo(Kind.nothing());
      assertThat(a.or(a.not())).as("%s | ~(%s)", a, a).isEqualTo(Kind.anything());
      assertThat(a.and(a)).isEqualTo(a);
      assertThat(a.or(a)).isEqualTo(a);
      assertThat(a.xor(a)).isEqualTo(Kind.nothing());
      assertThat(a.minus(a)).isEqualTo(Kind.nothing());
    });
  }

  @Test
  void absorptionCommutativityAssociativity() {
    Seeds.repeat("lattice", RUNS, random -> {
      // Canonical specs: distinct specs are distinct classes (see AtomSpec's advice).
      Kind a = randomKind(random, true, LATTICE_DEPTH);
      Kind b = randomKind(random, true, LATTICE_DEPTH);
      Kind c = randomKind(random, true, LATTICE_DEPTH);
      assertThat(a.or(a.and(b))).as("%s | (%s & %s)", a, a, b).isEqualTo(a);
      assertThat(a.and(a.or(b))).as("%s & (%s | %s)", a, a, b).isEqualTo(a);
      assertThat(a.and(b)).isEqualTo(b.and(a));
      assertThat(a.or(b)).isEqualTo(b.or(a));
      assertThat(a.xor(b)).isEqualTo(b.xor(a));
      assertThat(a.and(b).and(c))
          .as("(%s & %s) & %s", a, b, c)
          .isEqualTo(a.and(b.and(c)));
      assertThat(a.or(b).or(c)).as("(%s | %s) | %s", a, b, c).isEqualTo(a.or(b.or(c)));
    });
  }

  @Test
  void deepKindsKeepTheLawsSemantically() {
    NodeSet universe = NodeSet.range(0, UNIVERSE);
    Seeds.repeat("deep lattice", RUNS / 4, random -> {
      Kind a = randomKind(random, random.nextBoolean());
      Kind b = randomKind(random, random.nextBoolean());
      Kind c = randomKind(random, random.nextBoolean());
      assertThat(a.or(a.and(b)).filter(universe)).isEqualTo(a.filter(universe));
      assertThat(a.and(a.or(b)).filter(universe)).isEqualTo(a.filter(universe));
      assertThat(a.and(b).and(c).filter(universe)).isEqualTo(a.and(b.and(c)).filter(universe));
      assertThat(a.or(b).or(c).filter(universe)).isEqualTo(a.or(b.or(c)).filter(universe));
    });
  }

  @Test
  void normalFormsAreFixedPoints() {
    Seeds.repeat("fixpoint", RUNS, random -> {
      Kind a = randomKind(random, random.nextBoolean());
      if (a instanceof Union union) {
        assertThat(Kind.union(union.operands())).isEqualTo(a);
        List<Kind> reversed = new java.util.ArrayList<>(union.operands());
        java.util.Collections.reverse(reversed);
        assertThat(Kind.union(reversed)).isEqualTo(a);
      }
      if (a instanceof Intersection intersection) {
        assertThat(Kind.intersection(intersection.operands())).isEqualTo(a);
      }
      assertThat(a.hashCode()).isEqualTo(a.not().not().hashCode());
    });
  }

  @Test
  void provedSubsetsAreSubsets() {
    NodeSet universe = NodeSet.range(0, UNIVERSE);
    Seeds.repeat("subset", RUNS, random -> {
      boolean canonical = random.nextBoolean();
      Kind a = randomKind(random, canonical);
      Kind b = randomKind(random, canonical);
      assertThat(a.isSubsetOf(a.or(b))).isEqualTo(Decision.TRUE);
      assertThat(a.and(b).isSubsetOf(a)).isEqualTo(Decision.TRUE);
      assertThat(Kind.nothing().isSubsetOf(a)).isEqualTo(Decision.TRUE);
      assertThat(a.isSubsetOf(Kind.anything())).isEqualTo(Decision.TRUE);
      Decision decision = a.isSubsetOf(b);
      boolean actual = a.filter(universe).isSubsetOf(b.filter(universe));
      if (decision != Decision.UNKNOWN) {
        assertThat(actual).as("%s <= %s decided %s", a, b, decision).isEqualTo(decision.isTrue());
      }
      // Self-duality: a <= b is proved exactly when ~b <= ~a is.
      assertThat(b.not().isSubsetOf(a.not())).isEqualTo(decision);
    });
  }
}
