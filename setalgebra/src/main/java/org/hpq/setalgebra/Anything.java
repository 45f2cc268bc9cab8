package org.hpq.setalgebra;

/** The kind of every node, {@code hp.Anything}: the identity of {@code &}. */
public record Anything() implements Kind {
  static final Anything INSTANCE = new Anything();

  /** Renders as {@code hp.Anything}. */
  @Override
  public String toString() {
    return "hp.Anything";
  }
}
