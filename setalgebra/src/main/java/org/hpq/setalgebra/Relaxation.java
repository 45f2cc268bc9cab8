package org.hpq.setalgebra;

/**
 * How {@code kind.alt(op)} relaxes the equality of an atom into an ordering of its relation's
 * classes. setalgebra attaches no meaning; each {@link Classifier} says what its orderings are:
 * Type: subclass ({@code <}) / superclass ({@code >}); Size: smaller / larger; Rcs and Via:
 * subset / superset of the label set.
 */
public enum Relaxation {
  /** Strictly below: {@code <}. */
  LESS("<"),
  /** Below or equal: {@code <=}. */
  LESS_OR_EQUAL("<="),
  /** Equal, the unrelaxed class: {@code ==}. */
  EQUAL("=="),
  /** Above or equal: {@code >=}. */
  GREATER_OR_EQUAL(">="),
  /** Strictly above: {@code >}. */
  GREATER(">");

  private final String symbol;

  Relaxation(String symbol) {
    this.symbol = symbol;
  }

  /** The operator as written in heapy: {@code <}, {@code <=}, {@code ==}, {@code >=}, {@code >}. */
  public String symbol() {
    return symbol;
  }

  /**
   * The relaxation written {@code symbol}.
   *
   * @throws IllegalArgumentException if {@code symbol} is none of the five operators
   */
  public static Relaxation fromSymbol(String symbol) {
    for (Relaxation relaxation : values()) {
      if (relaxation.symbol.equals(symbol)) {
        return relaxation;
      }
    }
    throw new IllegalArgumentException(
        "unknown relaxation '" + symbol + "'; expected one of < <= == >= >");
  }
}
