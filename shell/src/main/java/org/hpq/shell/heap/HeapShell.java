package org.hpq.shell.heap;

import java.io.Closeable;
import java.io.IOException;
import java.io.PrintWriter;
import java.nio.file.Path;
import java.time.Duration;
import org.hpq.equivalence.Heap;
import org.hpq.hprof.HeapDump;
import org.hpq.hprof.OpenOptions;
import org.hpq.shell.lang.Interpreter;
import org.hpq.shell.lang.Source;
import org.hpq.shell.repl.OutputMode;
import org.hpq.shell.repl.Repl;
import org.hpq.shell.repl.ReplBuilder;
import org.hpq.shell.repl.ScriptRunner;
import org.jline.terminal.Terminal;
import org.jline.terminal.TerminalBuilder;

/**
 * The shell on one open dump: an interpreter with {@code hp} defined, run as a REPL on the
 * terminal or over a script. Dumps opened with {@code hp.load} are closed with the shell; the
 * main dump stays the caller's.
 */
public final class HeapShell implements Closeable {
  private final Interpreter interpreter;
  private final Session session;
  private final Heap heap;

  private HeapShell(Interpreter interpreter, Session session, Heap heap) {
    this.interpreter = interpreter;
    this.session = session;
    this.heap = heap;
  }

  public static HeapShell create(HeapDump dump, OpenOptions options) {
    Session session = new Session(options);
    Heap heap = Heap.of(dump);
    HpValue hp = new HpValue(heap, session);
    Interpreter interpreter = Interpreter.create().define("hp", hp).setOverview(Overview.BODY);
    return new HeapShell(interpreter, session, heap);
  }

  public Interpreter interpreter() {
    return interpreter;
  }

  /**
   * Whether {@code terminal} can redraw a line in place: not a dumb one, which is what JLine makes
   * when input or output is not a terminal (a pipe, a file), where a progress line would only
   * pile up in the output.
   */
  static boolean redrawsLines(Terminal terminal) {
    String type = terminal.getType();
    return !Terminal.TYPE_DUMB.equals(type) && !Terminal.TYPE_DUMB_COLOR.equals(type);
  }

  /** Runs the REPL on the system terminal until Ctrl-D; returns the exit code. */
  public int runInteractive(OutputMode mode, boolean debug, String banner) throws IOException {
    // dumb(true): with input or output piped, a dumb terminal is what is wanted, not a warning.
    try (Terminal terminal = TerminalBuilder.builder().system(true).dumb(true).build()) {
      var builder =
          repl(terminal, TerminalProgress.QUIET)
              .historyFile(Path.of(System.getProperty("user.home"), ".hpq_history"))
              .outputMode(mode)
              .debug(debug);
      if (banner != null) {
        builder.banner(banner);
      }
      return builder.build().run();
    }
  }

  /**
   * A REPL on {@code terminal}. Long queries (partitions of big sets, retained sets, paths) show
   * how far they are on a progress line, drawn once they have run for {@code progressQuiet}, on
   * terminals that can redraw a line, and cleared before the REPL prints.
   */
  ReplBuilder repl(Terminal terminal, Duration progressQuiet) {
    ReplBuilder builder = Repl.builder(interpreter, terminal);
    if (redrawsLines(terminal)) {
      TerminalProgress progress = new TerminalProgress(terminal.writer(), progressQuiet);
      heap.setProgress(progress);
      // What the REPL prints after a query (its value, an error, "interrupted" after Ctrl-C)
      // starts at the beginning of a line, not after the progress text.
      builder.beforeOutput(progress::clear);
    }
    return builder;
  }

  /** The heap the shell's {@code hp} is on. */
  Heap heap() {
    return heap;
  }

  /** Runs the statements of {@code source}; 0 on success, 1 when a statement failed. */
  public int runScript(Source source, OutputMode mode, PrintWriter out, PrintWriter err, boolean debug) {
    return ScriptRunner.of(interpreter, out, err).outputMode(mode).debug(debug).run(source).exitCode();
  }

  @Override
  public void close() throws IOException {
    session.close();
  }
}
