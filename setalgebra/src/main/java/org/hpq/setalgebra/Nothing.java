package org.hpq.setalgebra;

/** The kind of no node, {@code hp.Nothing}: the identity of {@code |}. */
public record Nothing() implements Kind {
  static final Nothing INSTANCE = new Nothing();

  /** Renders as {@code hp.Nothing}. */
  @Override
  public String toString() {
    return "hp.Nothing";
  }
}
