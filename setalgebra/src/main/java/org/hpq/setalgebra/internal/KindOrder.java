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
 * The canonical order of kinds, consistent with {@code equals}: Nothing, Anything, then literals
 * (an atom and its complement side by side, atoms by relation name and then the classifier's
 * order of specs), then intersections, then unions, each compared operand by operand. Not API.
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
      int byAtom = compareAtoms(atomOf(first), atomOf(second));
      return byAtom != 0
          ? byAtom
          : Boolean.compare(first instanceof Complement, second instanceof Complement);
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
