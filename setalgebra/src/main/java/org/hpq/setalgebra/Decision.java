package org.hpq.setalgebra;

/** The answer to a question that symbolic reasoning may not settle. */
public enum Decision {
  /** Provably true. */
  TRUE,
  /** Provably false. */
  FALSE,
  /** Not decidable from the symbols alone. */
  UNKNOWN;

  /** {@link #TRUE} or {@link #FALSE}. */
  public static Decision of(boolean value) {
    return value ? TRUE : FALSE;
  }

  /** Whether this is {@link #TRUE}. */
  public boolean isTrue() {
    return this == TRUE;
  }

  /** Whether this is {@link #FALSE}. */
  public boolean isFalse() {
    return this == FALSE;
  }
}
