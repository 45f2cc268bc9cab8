package org.hpq.shell.lang;

/** Input that is not a valid program; it always carries a position. */
public sealed class SyntaxError extends ShellException permits IncompleteInputError {
  /** Creates a syntax error at {@code line}:{@code column} (both 1-based). */
  public SyntaxError(String message, int line, int column) {
    super(message, new Position(line, column), null);
  }

  /** Creates a syntax error at {@code position}. */
  public SyntaxError(String message, Position position) {
    super(message, position, null);
  }

  /** The 1-based line. */
  public int line() {
    return position().orElseThrow().line();
  }

  /** The 1-based column. */
  public int column() {
    return position().orElseThrow().column();
  }
}
