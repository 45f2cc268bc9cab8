package org.hpq.shell.lang;

/**
 * Input that is not a program yet but could become one with more text: an open bracket, a
 * trailing operator, a trailing backslash. The REPL answers it with a continuation prompt; a
 * script reports it like any syntax error.
 */
public final class IncompleteInputError extends SyntaxError {
  /** Creates the error at the end of input, {@code line}:{@code column}. */
  public IncompleteInputError(String message, int line, int column) {
    super(message, line, column);
  }
}
