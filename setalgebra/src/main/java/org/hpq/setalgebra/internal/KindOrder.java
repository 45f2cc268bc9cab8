package org.hpq.setalgebra.internal;

import java.util.Comparator;
import java.util.List;
import org.hpq.setalgebra.Anything;
import org.hpq.setalgebra.Atom;
import org.hpq.setalgebra.Complement;
import org.hpq.setalgebra.Intersection;
import org.hpq.setalgebra.Kind;
import org.hpq.setalgebra.Nothing;
import org.hpq.setalgebra.Union;

/**
 * The canonical order of kinds, consistent with {@code equals}: Nothing, Anything, then atoms,
 * then complements of atoms (atoms by relation name and then the classifier's order of specs),
 * then intersections, then unions, each compared operand by operand. Not API.
 */
public final class KindOrder implements Comparator<Kind> {

  /** The one instance; stateless and thread-safe. */
  public static final KindOrder INSTANCE = new KindOrder();

  private KindOrder() {}

  @Override
  public int compare(Kind first, Kind second) {
    int byRank = Integer.compare(rank(first), rank(second));
    if (byRank != 0) {
      return byRank;
    }
    if (isLiteral(first)) {
      // Atoms before complements, so that kinds read "what, but not what":
      // hp.Type('java.lang.String') & ~hp.Size(24).
      int byPolarity = Boolean.compare(first instanceof Complement, second instanceof Complement);
      return byPolarity != 0 ? byPolarity : compareAtoms(atomOf(first), atomOf(second));
    }
    if (first instanceof Union union) {
      return compareOperands(union.operands(), ((Union) second).operands());
    }
    if (first instanceof Intersection intersection) {
      return compareOperands(intersection.operands(), ((Intersection) second).operands());
    }
    return 0; // Anything or Nothing, alike by rank
  }

  /** Orders atoms by relation, then by the classifier's order of specs. */
  public static int compareAtoms(Atom first, Atom second) {
    if (!first.classifier().equals(second.classifier())) {
      return ClassifierOrder.compare(first.classifier(), second.classifier());
    }
    return first.classifier().compare(first.spec(), second.spec());
  }

  /** Whether {@code kind} is an atom or the complement of one. */
  public static boolean isLiteral(Kind kind) {
    return kind instanceof Atom || kind instanceof Complement;
  }

  /** The atom of a literal. */
  public static Atom atomOf(Kind literal) {
    return literal instanceof Complement complement ? complement.atom() : (Atom) literal;
  }

  /**
   * An order that negation keeps: {@code compareIgnoringPolarity(~a, ~b)} has the sign of {@code
   * compareIgnoringPolarity(a, b)}. It ignores complements and whether a junction is a union or
   * an intersection; kinds that differ only in those compare as 0.
   */
  public static int compareIgnoringPolarity(Kind first, Kind second) {
    int byRank = Integer.compare(polarityFreeRank(first), polarityFreeRank(second));
    if (byRank != 0 || polarityFreeRank(first) == 0) {
      return byRank;
    }
    if (isLiteral(first)) {
      return compareAtoms(atomOf(first), atomOf(second));
    }
    List<Kind> firstOperands = sortedIgnoringPolarity(first);
    List<Kind> secondOperands = sortedIgnoringPolarity(second);
    int shared = Math.min(firstOperands.size(), secondOperands.size());
    for (int i = 0; i < shared; i++) {
      int byOperand = compareIgnoringPolarity(firstOperands.get(i), secondOperands.get(i));
      if (byOperand != 0) {
        return byOperand;
      }
    }
    return Integer.compare(firstOperands.size(), secondOperands.size());
  }

  private static int polarityFreeRank(Kind kind) {
    if (kind instanceof Anything || kind instanceof Nothing) {
      return 0;
    }
    return isLiteral(kind) ? 1 : 2;
  }

  private static List<Kind> sortedIgnoringPolarity(Kind junction) {
    List<Kind> operands =
        new java.util.ArrayList<>(
            junction instanceof Union union
                ? union.operands()
                : ((Intersection) junction).operands());
    operands.sort(KindOrder::compareIgnoringPolarity);
    return operands;
  }

  private int compareOperands(List<Kind> first, List<Kind> second) {
    int shared = Math.min(first.size(), second.size());
    for (int i = 0; i < shared; i++) {
      int byOperand = compare(first.get(i), second.get(i));
      if (byOperand != 0) {
        return byOperand;
      }
    }
    return Integer.compare(first.size(), second.size());
  }

  private static int rank(Kind kind) {
    if (kind instanceof Nothing) {
      return 0;
    }
    if (kind instanceof Anything) {
      return 1;
    }
    if (isLiteral(kind)) {
      return 2;
    }
    return kind instanceof Intersection ? 3 : 4;
  }
}
