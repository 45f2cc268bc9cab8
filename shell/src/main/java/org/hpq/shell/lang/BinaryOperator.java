package org.hpq.shell.lang;

/** The binary operators, with the symbol the user types. Precedence is Python's. */
public enum BinaryOperator {
  /** {@code a | b}: union. */
  OR("|"),
  /** {@code a ^ b}: symmetric difference. */
  XOR("^"),
  /** {@code a & b}: intersection. */
  AND("&"),
  /** {@code a + b}. */
  ADD("+"),
  /** {@code a - b}: difference. */
  SUBTRACT("-"),
  /** {@code a * b}. */
  MULTIPLY("*"),
  /** {@code a // b}: floor division. */
  FLOOR_DIVIDE("//"),
  /** {@code a % b}: remainder with the sign of the divisor. */
  MODULO("%");

  private final String symbol;

  BinaryOperator(String symbol) {
    this.symbol = symbol;
  }

  /** The symbol as typed, such as {@code &}. */
  public String symbol() {
    return symbol;
  }
}
