package org.hpq.shell.lang;

import java.util.List;

/**
 * A named source text: a script file, a {@code -c} string or one REPL input.
 *
 * @param name the name shown in error messages, such as {@code script.hpq} or {@code <input>}
 * @param text the whole text
 */
public record Source(String name, String text) {
  /** The name used for interactive input. */
  public static final String INTERACTIVE_NAME = "<input>";

  /** Returns a source named {@code name}. */
  public static Source of(String name, String text) {
    return new Source(name, text);
  }

  /** Returns a source named {@value #INTERACTIVE_NAME}. */
  public static Source interactive(String text) {
    return new Source(INTERACTIVE_NAME, text);
  }

  /** Returns line {@code line} (1-based) without its line terminator, or "" when out of range. */
  public String line(int line) {
    List<String> lines = text.lines().toList();
    return line >= 1 && line <= lines.size() ? lines.get(line - 1) : "";
  }
}
