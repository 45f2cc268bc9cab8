package org.hpq.shell.lang;

/** The evaluation was cancelled (Ctrl-C, or a completion ran past its time budget). */
public final class EvaluationCancelledException extends ShellException {
  /** Creates the exception; {@code cause} may be null. */
  public EvaluationCancelledException(Throwable cause) {
    super("interrupted", null, cause);
  }
}
