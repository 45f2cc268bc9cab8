package org.hpq.shell.lang;

/** How a span of input should be highlighted. */
public enum TokenStyle {
  /** A string literal. */
  STRING,
  /** An integer literal. */
  NUMBER,
  /** A keyword: {@code True False None and or not in}. */
  KEYWORD,
  /** A name bound to a built-in or host value ({@code len}, {@code hp}). */
  BUILTIN,
  /** Any other name. */
  NAME,
  /** An operator or bracket. */
  OPERATOR,
  /** A comment. */
  COMMENT,
  /** Text that is not valid. */
  ERROR
}
