package org.hpq.setalgebra.internal;

import java.util.List;
import org.hpq.setalgebra.Intersection;
import org.hpq.setalgebra.Kind;
import org.hpq.setalgebra.Union;

/**
 * Renders unions and intersections in hpq syntax, {@code hp.Type('A') & ~hp.Size(24)}, with
 * nested junctions in parentheses. Atoms render through their classifiers. Not API.
 */
public final class KindText {
  private KindText() {}

  /** {@code a | b | (c & d)}. */
  public static String render(Union union) {
    return join(union.operands(), " | ");
  }

  /** {@code a & b & (c | d)}. */
  public static String render(Intersection intersection) {
    return join(intersection.operands(), " & ");
  }

  private static String join(List<Kind> operands, String operator) {
    StringBuilder text = new StringBuilder();
    for (Kind operand : operands) {
      if (text.length() > 0) {
        text.append(operator);
      }
      boolean nested = operand instanceof Union || operand instanceof Intersection;
      text.append(nested ? "(" : "").append(operand).append(nested ? ")" : "");
    }
    return text.toString();
  }
}
