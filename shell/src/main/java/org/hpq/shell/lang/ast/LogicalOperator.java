package org.hpq.shell.lang.ast;

/** The short-circuit operators. */
public enum LogicalOperator {
  /** {@code and}. */
  AND,
  /** {@code or}. */
  OR;

  /** The keyword as typed. */
  public String symbol() {
    return name().toLowerCase(java.util.Locale.ROOT);
  }
}
