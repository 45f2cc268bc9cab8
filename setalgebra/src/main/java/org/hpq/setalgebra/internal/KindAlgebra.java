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
 * Builds kinds in normal form: complements on atoms only, junctions flattened, operands sorted
 * and deduplicated, identities and absorbing elements applied, complementary operands collapsed,
 * and operands that are provably redundant (a strict subset of another operand of a union, a
 * strict superset in an intersection) dropped.
 *
 * <p>The rules for union and intersection are exact duals, and {@link SymbolicSubset} is
 * self-dual ({@code x <= y} is proved exactly when {@code ~y <= ~x} is), so negating a normal
 * form operand by operand gives the normal form of the negation: {@code ~~a == a} and De Morgan
 * hold structurally. Redundancy is judged on the transitive closure of the proved subset
 * relation, so the result does not depend on operand order, and operands proved equivalent but
 * not equal are both kept (dropping one would depend on an order that negation does not keep).
 * Not API.
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
    int count = operands.size();
    if (count <= 1) {
      return count == 0 ? identity : operands.get(0);
    }
    if (hasComplementaryPair(operands, isUnion)) {
      return absorbing;
    }
    boolean[][] subset = subsetClosure(operands);
    List<Kind> kept = new ArrayList<>(count);
    for (int i = 0; i < count; i++) {
      if (!isRedundant(i, subset, isUnion)) {
        kept.add(operands.get(i));
      }
    }
    if (kept.size() == 1) {
      return kept.get(0);
    }
    return isUnion ? new Union(kept) : new Intersection(kept);
  }

  /**
   * A union is everything when {@code ~x <= y} for two operands; an intersection is empty when
   * {@code x <= ~y}.
   */
  private static boolean hasComplementaryPair(List<Kind> operands, boolean isUnion) {
    int count = operands.size();
    List<Kind> negations = new ArrayList<>(count);
    for (Kind operand : operands) {
      negations.add(negate(operand));
    }
    for (int i = 0; i < count; i++) {
      for (int j = 0; j < count; j++) {
        if (i == j) {
          continue;
        }
        boolean collapses =
            isUnion
                ? SymbolicSubset.provable(negations.get(i), operands.get(j))
                : SymbolicSubset.provable(operands.get(i), negations.get(j));
        if (collapses) {
          return true;
        }
      }
    }
    return false;
  }

  /** {@code subset[i][j]}: operand i is provably a subset of operand j, transitively closed. */
  private static boolean[][] subsetClosure(List<Kind> operands) {
    int count = operands.size();
    boolean[][] subset = new boolean[count][count];
    for (int i = 0; i < count; i++) {
      for (int j = 0; j < count; j++) {
        subset[i][j] = i == j || SymbolicSubset.provable(operands.get(i), operands.get(j));
      }
    }
    for (int via = 0; via < count; via++) {
      for (int i = 0; i < count; i++) {
        if (subset[i][via]) {
          for (int j = 0; j < count; j++) {
            subset[i][j] |= subset[via][j];
          }
        }
      }
    }
    return subset;
  }

  /**
   * In a union, operand i adds nothing if it is a strict subset of another operand; in an
   * intersection, if it is a strict superset of another.
   */
  private static boolean isRedundant(int i, boolean[][] subset, boolean isUnion) {
    for (int j = 0; j < subset.length; j++) {
      boolean iBelowJ = subset[i][j] && !subset[j][i];
      boolean jBelowI = subset[j][i] && !subset[i][j];
      if (isUnion ? iBelowJ : jBelowI) {
        return true;
      }
    }
    return false;
  }
}
