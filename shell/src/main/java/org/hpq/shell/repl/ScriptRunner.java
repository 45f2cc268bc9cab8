package org.hpq.shell.repl;

import java.io.PrintWriter;
import org.hpq.shell.lang.CancellationToken;
import org.hpq.shell.lang.Interpreter;
import org.hpq.shell.lang.RenderOptions;
import org.hpq.shell.lang.ShellException;
import org.hpq.shell.lang.Source;
import org.hpq.shell.repl.internal.ErrorPrinter;
import org.hpq.shell.repl.internal.ValuePrinter;

/**
 * Runs a script (a {@code .hpq} file or a {@code -c} string) without a terminal: prints every
 * expression statement's value like the REPL, and on the first error prints {@code
 * NAME:LINE:COL: message} (then the line and a caret) to the error stream and stops.
 *
 * <pre>{@code
 * ScriptResult result = ScriptRunner.of(interpreter, out, err).outputMode(OutputMode.JSON)
 *     .run(Source.of("script.hpq", Files.readString(path)));
 * System.exit(result.exitCode());
 * }</pre>
 *
 * Immutable; each {@code run} uses the interpreter's session (variables persist between runs).
 */
public final class ScriptRunner {
  private final Interpreter interpreter;
  private final PrintWriter out;
  private final PrintWriter err;
  private final OutputMode mode;
  private final RenderOptions options;
  private final boolean debug;

  private ScriptRunner(
      Interpreter interpreter, PrintWriter out, PrintWriter err, OutputMode mode, RenderOptions options, boolean debug) {
    this.interpreter = interpreter;
    this.out = out;
    this.err = err;
    this.mode = mode;
    this.options = options;
    this.debug = debug;
  }

  /** A runner printing text with {@link RenderOptions#DEFAULT}, without stack traces. */
  public static ScriptRunner of(Interpreter interpreter, PrintWriter out, PrintWriter err) {
    return new ScriptRunner(interpreter, out, err, OutputMode.TEXT, RenderOptions.DEFAULT, false);
  }

  /** This runner with another output mode. */
  public ScriptRunner outputMode(OutputMode outputMode) {
    return new ScriptRunner(interpreter, out, err, outputMode, options, debug);
  }

  /** This runner with other render options (width, rows). */
  public ScriptRunner renderOptions(RenderOptions renderOptions) {
    return new ScriptRunner(interpreter, out, err, mode, renderOptions, debug);
  }

  /** This runner printing stack traces of host failures when {@code enabled}. */
  public ScriptRunner debug(boolean enabled) {
    return new ScriptRunner(interpreter, out, err, mode, options, enabled);
  }

  /**
   * Runs {@code source}: nothing runs if it does not parse.
   *
   * @return {@link ScriptResult#FAILURE} after printing the error, else {@link
   *     ScriptResult#SUCCESS}
   */
  public ScriptResult run(Source source) {
    ValuePrinter printer = new ValuePrinter(out, mode);
    try {
      interpreter.execute(source, CancellationToken.create(), value -> printer.print(value, options));
      out.flush();
      return ScriptResult.SUCCESS;
    } catch (ShellException error) {
      out.flush();
      new ErrorPrinter(err, debug).print(error, source);
      return ScriptResult.FAILURE;
    }
  }
}
