package org.hpq.shell.lang.value;

import org.hpq.shell.lang.ComparisonOperator;

/** Turns a {@code compareTo} result into the answer of an ordering operator. */
final class Comparisons {
  private Comparisons() {}

  /** Whether {@code a OP b} holds given {@code order = compare(a, b)}; not for in. */
  static boolean test(ComparisonOperator operator, int order) {
    return switch (operator) {
      case LESS -> order < 0;
      case LESS_OR_EQUAL -> order <= 0;
      case EQUAL -> order == 0;
      case NOT_EQUAL -> order != 0;
      case GREATER_OR_EQUAL -> order >= 0;
      case GREATER -> order > 0;
      case IN, NOT_IN -> throw new IllegalArgumentException("membership is not an ordering");
    };
  }
}
