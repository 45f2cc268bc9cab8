package org.hpq.shell.repl;

/** How a script ended; the host maps it to the process exit status. */
public enum ScriptResult {
  /** Every statement ran. */
  SUCCESS(0),
  /** A syntax or evaluation error stopped the script (its message was printed). */
  FAILURE(1);

  private final int exitCode;

  ScriptResult(int exitCode) {
    this.exitCode = exitCode;
  }

  /** 0 for success, 1 for failure. */
  public int exitCode() {
    return exitCode;
  }
}
