package org.hpq.setalgebra.internal;

import java.util.List;
import java.util.Objects;
import org.hpq.setalgebra.Anything;
import org.hpq.setalgebra.Kind;
import org.hpq.setalgebra.Nothing;

/** Checks the shape of unions and intersections in normal form. Not API. */
public final class KindInvariants {
  private KindInvariants() {}

  /**
   * Checks that {@code operands} are at least two, none of type {@code junction}, {@code
   * Anything} or {@code Nothing}, strictly ascending in {@link KindOrder}.
   *
   * @throws IllegalArgumentException naming the broken rule
   */
  public static void checkJunction(List<Kind> operands, Class<? extends Kind> junction) {
    String name = junction.getSimpleName();
    if (operands.size() < 2) {
      throw new IllegalArgumentException(name + " needs at least two operands: " + operands);
    }
    Kind previous = null;
    for (Kind operand : operands) {
      Objects.requireNonNull(operand, "operand");
      if (junction.isInstance(operand)) {
        throw new IllegalArgumentException(name + " nested in " + name + ": flatten it");
      }
      if (operand instanceof Anything || operand instanceof Nothing) {
        throw new IllegalArgumentException(name + " with operand " + operand);
      }
      if (previous != null && KindOrder.INSTANCE.compare(previous, operand) >= 0) {
        throw new IllegalArgumentException(
            name + " operands not strictly ascending: " + previous + " then " + operand);
      }
      previous = operand;
    }
  }
}
