package org.hpq.setalgebra.internal;

import java.util.ArrayList;
import java.util.List;
import org.hpq.setalgebra.Intersection;
import org.hpq.setalgebra.Kind;
import org.hpq.setalgebra.Union;

/**
 * The simplification rules of one union or intersection, for {@link KindAlgebra}: each takes
 * flat, sorted, distinct operands and returns them or fewer (or says the junction collapses).
 * Union and intersection rules are exact duals, selected by {@code isUnion}. Not API.
 */
final class JunctionRules {
  private JunctionRules() {}

  /**
   * A union is everything when {@code ~y <= (the other operands)} for some operand y; an
   * intersection is empty when {@code (the other operands) <= ~y}. This covers {@code a | ~a}
   * and {@code a & ~a} for compound {@code a}, whose parts are spread among the operands.
   */
  static boolean collapses(List<Kind> operands, boolean isUnion) {
    for (int i = 0; i < operands.size(); i++) {
      Kind rest = junctionOfOthers(operands, i, isUnion);
      Kind negation = KindAlgebra.negate(operands.get(i));
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
  static List<Kind> withoutAbsorbed(List<Kind> operands, boolean isUnion) {
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
  static List<Kind> withoutStrictlyRedundant(List<Kind> operands, boolean isUnion) {
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
  static List<Kind> withoutRedundantToTheRest(List<Kind> operands, boolean isUnion) {
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
