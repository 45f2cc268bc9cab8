package org.hpq.setalgebra.internal;

import java.util.List;
import org.hpq.setalgebra.Anything;
import org.hpq.setalgebra.Atom;
import org.hpq.setalgebra.Classifier;
import org.hpq.setalgebra.Decision;
import org.hpq.setalgebra.Intersection;
import org.hpq.setalgebra.Kind;
import org.hpq.setalgebra.Nothing;
import org.hpq.setalgebra.Union;

/**
 * A sound, incomplete proof of {@code x <= y} for kinds in normal form. The rules are paired so
 * that the procedure is self-dual: it proves {@code x <= y} exactly when it proves {@code ~y <=
 * ~x}, which the normal form relies on. Not API.
 */
public final class SymbolicSubset {
  private SymbolicSubset() {}

  /** {@link Decision#TRUE} if provable, FALSE for {@code Anything <= Nothing}, else UNKNOWN. */
  public static Decision decide(Kind x, Kind y) {
    if (provable(x, y)) {
      return Decision.TRUE;
    }
    if (x instanceof Anything && y instanceof Nothing) {
      return Decision.FALSE;
    }
    return Decision.UNKNOWN;
  }

  /** Whether {@code x <= y} follows from the structure and the classifiers' answers. */
  public static boolean provable(Kind x, Kind y) {
    if (x.equals(y) || x instanceof Nothing || y instanceof Anything) {
      return true;
    }
    if (x instanceof Anything || y instanceof Nothing) {
      return false;
    }
    // Exact decompositions first: a union is below y if every operand is; x is below an
    // intersection if below every operand.
    if (x instanceof Union union) {
      return allBelow(union.operands(), y);
    }
    if (y instanceof Intersection intersection) {
      return belowAll(x, intersection.operands());
    }
    // Sufficient conditions: one operand of an intersection below y, or x below one operand
    // of a union.
    if (x instanceof Intersection intersection && anyBelow(intersection.operands(), y)) {
      return true;
    }
    if (y instanceof Union union && belowAny(x, union.operands())) {
      return true;
    }
    if (KindOrder.isLiteral(x) && KindOrder.isLiteral(y)) {
      return literalBelow(x, y);
    }
    return false;
  }

  /** Literals of one relation, asked of its classifier; literals of different ones: unproved. */
  private static boolean literalBelow(Kind x, Kind y) {
    Atom first = KindOrder.atomOf(x);
    Atom second = KindOrder.atomOf(y);
    Classifier classifier = first.classifier();
    if (!classifier.equals(second.classifier())) {
      return false;
    }
    boolean firstPositive = x instanceof Atom;
    boolean secondPositive = y instanceof Atom;
    if (firstPositive && secondPositive) {
      return classifier.includes(second.spec(), first.spec()); // A <= B
    }
    if (!firstPositive && !secondPositive) {
      return classifier.includes(first.spec(), second.spec()); // ~A <= ~B iff B <= A
    }
    // Ask symmetric questions in canonical order, so that a classifier whose answers are not
    // quite symmetric still gives this procedure its self-duality.
    boolean ordered = KindOrder.compareAtoms(first, second) <= 0;
    Atom low = ordered ? first : second;
    Atom high = ordered ? second : first;
    if (firstPositive) {
      return classifier.disjoint(low.spec(), high.spec()); // A <= ~B iff A, B disjoint
    }
    return classifier.covers(low.spec(), high.spec()); // ~A <= B iff A | B is everything
  }

  private static boolean allBelow(List<Kind> operands, Kind y) {
    for (Kind operand : operands) {
      if (!provable(operand, y)) {
        return false;
      }
    }
    return true;
  }

  private static boolean belowAll(Kind x, List<Kind> operands) {
    for (Kind operand : operands) {
      if (!provable(x, operand)) {
        return false;
      }
    }
    return true;
  }

  private static boolean anyBelow(List<Kind> operands, Kind y) {
    for (Kind operand : operands) {
      if (provable(operand, y)) {
        return true;
      }
    }
    return false;
  }

  private static boolean belowAny(Kind x, List<Kind> operands) {
    for (Kind operand : operands) {
      if (provable(x, operand)) {
        return true;
      }
    }
    return false;
  }
}
