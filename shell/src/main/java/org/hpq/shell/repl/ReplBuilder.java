package org.hpq.shell.repl;

import java.nio.file.Path;
import org.hpq.shell.lang.Interpreter;
import org.hpq.shell.lang.RenderOptions;
import org.jline.terminal.Terminal;

/** Settings of a {@link Repl}; obtained from {@link Repl#builder}. Not thread-safe. */
public final class ReplBuilder {
  private final Interpreter interpreter;
  private final Terminal terminal;
  private Path historyFile;
  private OutputMode outputMode = OutputMode.TEXT;
  private String banner = "";
  private boolean debug;
  private int maxRows = RenderOptions.DEFAULT.maxRows();
  private long cancelGraceMillis = 5000;
  private Runnable beforeOutput = () -> { };

  ReplBuilder(Interpreter interpreter, Terminal terminal) {
    this.interpreter = interpreter;
    this.terminal = terminal;
  }

  /** Keeps history in {@code path} (e.g. {@code ~/.hpq_history}); none if never called. */
  public ReplBuilder historyFile(Path path) {
    this.historyFile = path;
    return this;
  }

  /** Prints values as text (default) or JSON lines. */
  public ReplBuilder outputMode(OutputMode mode) {
    this.outputMode = mode;
    return this;
  }

  /** A line printed before the first prompt. */
  public ReplBuilder banner(String text) {
    this.banner = text;
    return this;
  }

  /** Prints stack traces of host failures. */
  public ReplBuilder debug(boolean enabled) {
    this.debug = enabled;
    return this;
  }

  /** Table rows shown before the "more" footer (default 10). */
  public ReplBuilder maxRows(int rows) {
    this.maxRows = rows;
    return this;
  }

  /** How long Ctrl-C waits for an evaluation to stop before abandoning it (default 5 s). */
  public ReplBuilder cancelGraceMillis(long millis) {
    this.cancelGraceMillis = millis;
    return this;
  }

  /**
   * Runs {@code action} before the REPL prints what an evaluation gave: each value, an error, the
   * "interrupted" message after Ctrl-C. Meant for a line drawn in place during evaluations (a
   * progress line): clearing it there makes the output start at the beginning of an empty line.
   * The action runs on the evaluating thread and on the REPL's; it must be thread-safe.
   */
  public ReplBuilder beforeOutput(Runnable action) {
    this.beforeOutput = action;
    return this;
  }

  /** Builds the REPL. */
  public Repl build() {
    return new Repl(this);
  }

  Interpreter interpreter() {
    return interpreter;
  }

  Terminal terminal() {
    return terminal;
  }

  Path historyFile() {
    return historyFile;
  }

  OutputMode outputMode() {
    return outputMode;
  }

  String banner() {
    return banner;
  }

  boolean debug() {
    return debug;
  }

  int maxRows() {
    return maxRows;
  }

  long cancelGraceMillis() {
    return cancelGraceMillis;
  }

  Runnable beforeOutput() {
    return beforeOutput;
  }
}
