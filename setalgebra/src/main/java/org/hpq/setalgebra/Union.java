package org.hpq.setalgebra;

import java.util.List;
import org.hpq.setalgebra.internal.KindInvariants;
import org.hpq.setalgebra.internal.KindText;

/**
 * The nodes of any operand: {@code a | b | c}. Build with {@link Kind#or} or {@link Kind#union}
 * to get a simplified union; the constructor only checks the normal form's shape.
 *
 * @param operands at least two, none a union, {@code Anything} or {@code Nothing}, strictly
 *     ascending in the canonical order (so no duplicates); copied, unmodifiable
 */
public record Union(List<Kind> operands) implements Kind {

  /**
   * Copies the operands and checks the shape.
   *
   * @throws IllegalArgumentException if the operands break the rules above
   */
  public Union {
    operands = List.copyOf(operands);
    KindInvariants.checkJunction(operands, Union.class);
  }

  /** Operands joined by {@code |}, intersections parenthesised. */
  @Override
  public String toString() {
    return KindText.render(this);
  }
}
