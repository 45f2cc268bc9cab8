package org.hpq.setalgebra;

import java.util.List;
import org.hpq.setalgebra.internal.KindInvariants;
import org.hpq.setalgebra.internal.KindText;

/**
 * The nodes of every operand: {@code a & b & c}. Build with {@link Kind#and} or {@link
 * Kind#intersection} to get a simplified intersection; the constructor only checks the normal
 * form's shape.
 *
 * @param operands at least two, none an intersection, {@code Anything} or {@code Nothing},
 *     strictly ascending in the canonical order (so no duplicates); copied, unmodifiable
 */
public record Intersection(List<Kind> operands) implements Kind {

  /**
   * Copies the operands and checks the shape.
   *
   * @throws IllegalArgumentException if the operands break the rules above
   */
  public Intersection {
    operands = List.copyOf(operands);
    KindInvariants.checkJunction(operands, Intersection.class);
  }

  /** Operands joined by {@code &}, unions parenthesised. */
  @Override
  public String toString() {
    return KindText.render(this);
  }
}
