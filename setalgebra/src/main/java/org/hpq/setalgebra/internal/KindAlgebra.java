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
    // Each pass only removes operands, so this ends; stopping at a fixed point makes the result
    // its own normal form.
    while (operands.size() > 1) {
      if (collapses(operands, isUnion)) {
        return absorbing;
      }
      List<Kind> fewer = withoutAbsorbed(operands, isUnion);
      if (fewer.size() == operands.size()) {
        fewer = withoutStrictlyRedundant(operands, isUnion);
      }
      if (fewer.size() == operands.size()) {
        fewer = withoutRedundantToTheRest(operands, isUnion);
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

  /**
   * A union is everything when {@code ~y <= (the other operands)} for some operand y; an
   * intersection is empty when {@code (the other operands) <= ~y}. This covers {@code a | ~a}
   * and {@code a & ~a} for compound {@code a}, whose parts are spread among the operands.
   */
  private static boolean collapses(List<Kind> operands, boolean isUnion) {
    for (int i = 0; i < operands.size(); i++) {
      Kind rest = junctionOfOthers(operands, i, isUnion);
      Kind negation = negate(operands.get(i));
      boolean collapses =
          isUnion
              ? SymbolicSubset.provable(negation, rest)
              : SymbolicSubset.provable(rest, negation);
      if (collapses) {
        return true;
      }
    }
    return false;
  }

  /**
   * Absorption, by syntax alone: in an intersection, drops a union operand that has an operand
   * made only of the intersection's other operands ({@code a & b & (c | (a & b))} is {@code a &
   * b}); dually in a union. It comes first so that {@code a & (a | b) == a} keeps {@code a}'s
   * own form. A dropped operand is justified by smaller ones, never by itself, so dropping all
   * at once is sound.
   */
  private static List<Kind> withoutAbsorbed(List<Kind> operands, boolean isUnion) {
    List<Kind> kept = new ArrayList<>(operands.size());
    for (int i = 0; i < operands.size(); i++) {
      Kind operand = operands.get(i);
      List<Kind> parts = dualOperands(operand, isUnion);
      boolean absorbed = false;
      for (Kind part : parts) {
        if (isMadeOfOthers(part, operands, i, isUnion)) {
          absorbed = true;
          break;
        }
      }
      if (!absorbed) {
        kept.add(operand);
      }
    }
    return kept;
  }

  /** The operands of a junction of the other type, or none. */
  private static List<Kind> dualOperands(Kind operand, boolean isUnion) {
    if (isUnion && operand instanceof Intersection intersection) {
      return intersection.operands();
    }
    if (!isUnion && operand instanceof Union union) {
      return union.operands();
    }
    return List.of();
  }

  /** Whether {@code part} is another operand, or a junction of this type of other operands. */
  private static boolean isMadeOfOthers(
      Kind part, List<Kind> operands, int skipped, boolean isUnion) {
    List<Kind> pieces =
        isUnion && part instanceof Union union
            ? union.operands()
            : !isUnion && part instanceof Intersection intersection
                ? intersection.operands()
                : List.of(part);
    for (Kind piece : pieces) {
      int index = operands.indexOf(piece);
      if (index < 0 || index == skipped) {
        return false;
      }
    }
    return true;
  }

  /**
   * Drops operands that are a strict subset (union) or strict superset (intersection) of another
   * operand, judged on the transitive closure of the proved subset relation, so that the choice
   * does not depend on operand order. Of operands proved equivalent, those first in {@link
   * KindOrder#compareIgnoringPolarity} stay: an order that negation keeps, so {@code ~~a == a}.
   */
  private static List<Kind> withoutStrictlyRedundant(List<Kind> operands, boolean isUnion) {
    boolean[][] subset = subsetClosure(operands);
    List<Kind> kept = new ArrayList<>(operands.size());
    for (int i = 0; i < operands.size(); i++) {
      if (!isRedundant(i, operands, subset, isUnion)) {
        kept.add(operands.get(i));
      }
    }
    return kept;
  }

  /**
   * Drops operands implied by the rest together: in a union, y with {@code y <= (the others)};
   * in an intersection, y with {@code (the others) <= y}, as in {@code a & (a | b)} once {@code
   * a}'s own operands are spread in the intersection. All such operands go at once, and only if
   * that is provably safe (each is implied by what stays); otherwise none go, which keeps the
   * result independent of operand order.
   */
  private static List<Kind> withoutRedundantToTheRest(List<Kind> operands, boolean isUnion) {
    List<Kind> kept = new ArrayList<>(operands.size());
    List<Kind> dropped = new ArrayList<>();
    for (int i = 0; i < operands.size(); i++) {
      Kind operand = operands.get(i);
      if (implied(operand, junctionOfOthers(operands, i, isUnion), isUnion)) {
        dropped.add(operand);
      } else {
        kept.add(operand);
      }
    }
    if (dropped.isEmpty() || kept.isEmpty()) {
      return operands;
    }
    Kind rest = junction(kept, isUnion);
    for (Kind operand : dropped) {
      if (!implied(operand, rest, isUnion)) {
        return operands;
      }
    }
    return kept;
  }

  /** Whether {@code operand} adds nothing to a junction with {@code rest}. */
  private static boolean implied(Kind operand, Kind rest, boolean isUnion) {
    return isUnion
        ? SymbolicSubset.provable(operand, rest)
        : SymbolicSubset.provable(rest, operand);
  }

  /** The junction of all operands but the one at {@code skipped}, not simplified. */
  private static Kind junctionOfOthers(List<Kind> operands, int skipped, boolean isUnion) {
    List<Kind> others = new ArrayList<>(operands);
    others.remove(skipped);
    return junction(others, isUnion);
  }

  /** The junction of sorted, flat operands, not simplified. */
  private static Kind junction(List<Kind> operands, boolean isUnion) {
    if (operands.size() == 1) {
      return operands.get(0);
    }
    return isUnion ? new Union(operands) : new Intersection(operands);
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
   * intersection, if it is a strict superset of another; in both, if it is equivalent to an
   * operand that comes first when polarity is ignored.
   */
  private static boolean isRedundant(
      int i, List<Kind> operands, boolean[][] subset, boolean isUnion) {
    for (int j = 0; j < subset.length; j++) {
      if (i == j) {
        continue;
      }
      boolean equivalent = subset[i][j] && subset[j][i];
      if (equivalent) {
        if (KindOrder.compareIgnoringPolarity(operands.get(j), operands.get(i)) < 0) {
          return true;
        }
      } else if (isUnion ? subset[i][j] : subset[j][i]) {
        return true;
      }
    }
    return false;
  }
}
