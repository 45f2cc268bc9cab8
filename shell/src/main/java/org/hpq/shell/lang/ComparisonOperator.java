package org.hpq.shell.lang;

/** The comparison operators; {@code in} and {@code not in} are dispatched to {@link ShellValue#contains}. */
public enum ComparisonOperator {
  /** {@code <}: for sets, proper subset. */
  LESS("<"),
  /** {@code <=}: for sets, subset. */
  LESS_OR_EQUAL("<="),
  /** {@code ==}. */
  EQUAL("=="),
  /** {@code !=}. */
  NOT_EQUAL("!="),
  /** {@code >=}: for sets, superset. */
  GREATER_OR_EQUAL(">="),
  /** {@code >}: for sets, proper superset. */
  GREATER(">"),
  /** {@code a in b}: membership, asked of {@code b}. */
  IN("in"),
  /** {@code a not in b}. */
  NOT_IN("not in");

  private final String symbol;

  ComparisonOperator(String symbol) {
    this.symbol = symbol;
  }

  /** The symbol as typed. */
  public String symbol() {
    return symbol;
  }

  /** The operator with the operands swapped ({@code a < b} is {@code b > a}); null for in. */
  public ComparisonOperator swapped() {
    return switch (this) {
      case LESS -> GREATER;
      case LESS_OR_EQUAL -> GREATER_OR_EQUAL;
      case GREATER -> LESS;
      case GREATER_OR_EQUAL -> LESS_OR_EQUAL;
      case EQUAL, NOT_EQUAL -> this;
      case IN, NOT_IN -> null;
    };
  }
}
