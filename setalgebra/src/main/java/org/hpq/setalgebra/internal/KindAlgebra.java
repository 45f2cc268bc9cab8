package org.hpq.setalgebra.internal;

import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Objects;
import java.util.TreeSet;
import org.hpq.setalgebra.Anything;
import org.hpq.setalgebra.Atom;
import org.hpq.setalgebra.Complement;
import org.hpq.setalgebra.Intersection;
import org.hpq.setalgebra.Kind;
import org.hpq.setalgebra.Nothing;
import org.hpq.setalgebra.Union;

/**
 * Builds kinds in normal form. Junction operands are flattened, sorted in {@link KindOrder} and
 * deduplicated, identities and absorbing elements applied; then, until nothing changes: the
 * junction collapses to its absorbing element if some operand's negation is provably below
 * (union) or above (intersection) the junction of the others ({@code a | ~a}, {@code A & B} for
 * disjoint atoms); operands absorbed by syntax go ({@code a & (a | b)}); operands provably
 * redundant next to a single other operand go; operands provably implied by all the others
 * together go. Complements sit on atoms only.
 *
 * <p>The rules for union and intersection are exact duals, {@link SymbolicSubset} is self-dual
 * ({@code x <= y} is proved exactly when {@code ~y <= ~x} is), and no rule depends on operand
 * order except through {@link KindOrder#compareIgnoringPolarity}, which negation keeps. So
 * negating a normal form operand by operand gives the normal form of the negation: {@code ~~a ==
 * a} and De Morgan hold structurally, and the loop's fixed point makes each result its own
 * normal form.
 *
 * <p>The normal form is not a canonical form: equivalent kinds of some depth may have different
 * normal forms (for example {@code A | C} and {@code A | (B & (A | C))} when {@code C <= B}). A
 * canonical form (all prime implicants over the kind's atoms) would cost exponential time and
 * read worse. Not API.
 */
public final class KindAlgebra {
  private KindAlgebra() {}

  /** The simplified union of {@code kinds}. */
  public static Kind union(Collection<? extends Kind> kinds) {
    return combine(kinds, true);
  }

  /** The simplified intersection of {@code kinds}. */
  public static Kind intersection(Collection<? extends Kind> kinds) {
    return combine(kinds, false);
  }

  /** The complement of a kind in normal form, itself in normal form. */
  public static Kind negate(Kind kind) {
    Objects.requireNonNull(kind, "kind");
    if (kind instanceof Anything) {
      return Kind.nothing();
    }
    if (kind instanceof Nothing) {
      return Kind.anything();
    }
    if (kind instanceof Atom atom) {
      return new Complement(atom);
    }
    if (kind instanceof Complement complement) {
      return complement.atom();
    }
    if (kind instanceof Union union) {
      return new Intersection(negateAll(union.operands()));
    }
    return new Union(negateAll(((Intersection) kind).operands()));
  }

  private static List<Kind> negateAll(List<Kind> operands) {
    List<Kind> negated = new ArrayList<>(operands.size());
    for (Kind operand : operands) {
      negated.add(negate(operand));
    }
    negated.sort(KindOrder.INSTANCE);
    return negated;
  }

  private static Kind combine(Collection<? extends Kind> kinds, boolean isUnion) {
    Kind identity = isUnion ? Kind.nothing() : Kind.anything();
    Kind absorbing = isUnion ? Kind.anything() : Kind.nothing();
    TreeSet<Kind> unique = new TreeSet<>(KindOrder.INSTANCE);
    for (Kind kind : kinds) {
      Objects.requireNonNull(kind, "kind");
      if (kind.equals(absorbing)) {
        return absorbing;
      }
      if (kind.equals(identity)) {
        continue;
      }
      if (isUnion && kind instanceof Union union) {
        unique.addAll(union.operands());
      } else if (!isUnion && kind instanceof Intersection intersection) {
        unique.addAll(intersection.operands());
      } else {
        unique.add(kind);
      }
    }
    List<Kind> operands = new ArrayList<>(unique);
    // Each pass only removes operands, so this ends; stopping at a fixed point makes the result
    // its own normal form.
    while (operands.size() > 1) {
      if (JunctionRules.collapses(operands, isUnion)) {
        return absorbing;
      }
      List<Kind> fewer = JunctionRules.withoutAbsorbed(operands, isUnion);
      if (fewer.size() == operands.size()) {
        fewer = JunctionRules.withoutStrictlyRedundant(operands, isUnion);
      }
      if (fewer.size() == operands.size()) {
        fewer = JunctionRules.withoutRedundantToTheRest(operands, isUnion);
      }
      if (fewer.size() == operands.size()) {
        break;
      }
      operands = fewer;
    }
    if (operands.isEmpty()) {
      return identity;
    }
    if (operands.size() == 1) {
      return operands.get(0);
    }
    return isUnion ? new Union(operands) : new Intersection(operands);
  }
}
