package org.hpq.shell.lang;

/** The prefix operators dispatched to values ({@code not} is handled by the language). */
public enum UnaryOperator {
  /** {@code ~a}: complement. */
  INVERT("~"),
  /** {@code -a}. */
  NEGATE("-"),
  /** {@code +a}. */
  PLUS("+");

  private final String symbol;

  UnaryOperator(String symbol) {
    this.symbol = symbol;
  }

  /** The symbol as typed. */
  public String symbol() {
    return symbol;
  }
}
