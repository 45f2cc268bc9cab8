package org.hpq.equivalence.internal;

import org.hpq.setalgebra.Relaxation;

/** Renders kinds as hpq syntax. */
final class Quoting {
  private Quoting() {}

  /** A string literal in single quotes, escaped. */
  static String quote(String text) {
    return "'" + text.replace("\\", "\\\\").replace("'", "\\'") + "'";
  }

  static String call(String function, String argument) {
    return function + "(" + quote(argument) + ")";
  }

  static String alt(Relaxation relaxation) {
    return relaxation == Relaxation.EQUAL ? "" : ".alt(" + quote(relaxation.symbol()) + ")";
  }
}
