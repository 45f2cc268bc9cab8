package org.hpq.shell.lang;

/**
 * A failure while evaluating: unknown name or attribute, unsupported operand types, a host
 * object refusing its arguments. Host code throws it without a position ({@link
 * #EvaluationError(String)}); the evaluator adds the position of the failing node.
 */
public final class EvaluationError extends ShellException {
  /** Creates an error without a position; the evaluator will add one. */
  public EvaluationError(String message) {
    super(message, null, null);
  }

  /** Creates an error without a position, keeping the host exception that caused it. */
  public EvaluationError(String message, Throwable cause) {
    super(message, null, cause);
  }

  /** Creates an error at {@code position} (may be null). */
  public EvaluationError(String message, Position position, Throwable cause) {
    super(message, position, cause);
  }

  /** Returns this error when it has a position, else a copy at {@code position}. */
  public EvaluationError at(Position position) {
    return position().isPresent() ? this : new EvaluationError(detail(), position, getCause());
  }
}
