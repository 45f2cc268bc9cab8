package org.hpq.shell.heap;

/** Small text helpers for rendering values. */
final class Text {
  private Text() {}

  /** {@code text} without one trailing newline. */
  static String strip(String text) {
    return text.endsWith("\n") ? text.substring(0, text.length() - 1) : text;
  }
}
