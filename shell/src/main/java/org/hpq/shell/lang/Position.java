package org.hpq.shell.lang;

/**
 * A place in a source text: 1-based line and 1-based column (in UTF-16 chars).
 *
 * @param line the line, starting at 1
 * @param column the column, starting at 1
 */
public record Position(int line, int column) {
  /** Checks that line and column are positive. */
  public Position {
    if (line < 1 || column < 1) {
      throw new IllegalArgumentException("line and column start at 1: " + line + ":" + column);
    }
  }

  /** Returns {@code LINE:COLUMN}. */
  @Override
  public String toString() {
    return line + ":" + column;
  }
}
