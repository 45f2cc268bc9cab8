package org.hpq.shell.lang;

import java.util.Optional;

/**
 * The base of every error the language reports to its user: a message and, when known, the
 * position of the failing syntax. {@link #format(Source)} gives the text the shell prints.
 */
public abstract sealed class ShellException extends RuntimeException
    permits SyntaxError, EvaluationError, EvaluationCancelledException {
  private final String detail;
  private final Position position;

  /** Creates an error with a message, an optional position (may be null) and cause. */
  protected ShellException(String detail, Position position, Throwable cause) {
    super(position == null ? detail : position + ": " + detail, cause);
    this.detail = detail;
    this.position = position;
  }

  /** The message without the position. */
  public String detail() {
    return detail;
  }

  /** The position of the failing syntax, if known. */
  public Optional<Position> position() {
    return Optional.ofNullable(position);
  }

  /**
   * Formats the error as {@code NAME:LINE:COL: message}, then the source line and a caret under
   * the column; without a position, as {@code NAME: message}.
   */
  public String format(Source source) {
    if (position == null) {
      return source.name() + ": " + detail;
    }
    String line = source.line(position.line());
    StringBuilder caret = new StringBuilder();
    for (int index = 0; index < position.column() - 1 && index < line.length(); index++) {
      // Keep tabs so the caret lines up however the terminal expands them.
      caret.append(line.charAt(index) == '\t' ? '\t' : ' ');
    }
    while (caret.length() < position.column() - 1) {
      caret.append(' ');
    }
    caret.append('^');
    return source.name() + ":" + position + ": " + detail + "\n" + line + "\n" + caret;
  }
}
