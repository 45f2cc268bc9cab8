package org.hpq.shell.repl.internal;

import java.io.PrintWriter;
import org.hpq.shell.lang.ShellException;
import org.hpq.shell.lang.Source;

/** Prints shell errors as {@code NAME:LINE:COL: message}, a source line and a caret. */
public final class ErrorPrinter {
  private final PrintWriter err;
  private final boolean debug;

  /** A printer to {@code err}; with {@code debug}, stack traces of host failures follow. */
  public ErrorPrinter(PrintWriter err, boolean debug) {
    this.err = err;
    this.debug = debug;
  }

  /** Prints {@code error} about {@code source} and flushes. */
  public void print(ShellException error, Source source) {
    err.println(error.format(source));
    if (debug && error.getCause() != null) {
      error.getCause().printStackTrace(err);
    }
    err.flush();
  }
}
