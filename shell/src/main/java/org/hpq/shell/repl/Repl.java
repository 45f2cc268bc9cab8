package org.hpq.shell.repl;

import java.io.IOException;
import java.io.PrintWriter;
import java.io.UncheckedIOException;
import java.nio.file.Path;
import org.hpq.shell.lang.Interpreter;
import org.hpq.shell.lang.RenderOptions;
import org.hpq.shell.lang.ShellException;
import org.hpq.shell.lang.Source;
import org.hpq.shell.lang.ast.Program;
import org.hpq.shell.repl.internal.ErrorPrinter;
import org.hpq.shell.repl.internal.EvaluationRunner;
import org.hpq.shell.repl.internal.ReplCompleter;
import org.hpq.shell.repl.internal.ReplHighlighter;
import org.hpq.shell.repl.internal.ReplParser;
import org.hpq.shell.repl.internal.ValuePrinter;
import org.jline.reader.EndOfFileException;
import org.jline.reader.LineReader;
import org.jline.reader.LineReaderBuilder;
import org.jline.reader.UserInterruptException;
import org.jline.terminal.Terminal;

/**
 * The interactive shell on a JLine terminal: prompt {@code hpq> }, continuation prompt {@code
 * ...> } while input is incomplete, history, highlighting and tab completion. Ctrl-C clears the
 * line while reading and cancels the evaluation while evaluating; Ctrl-D (or {@code exit}, {@code
 * quit}) leaves.
 *
 * <pre>{@code
 * try (Terminal terminal = TerminalBuilder.builder().system(true).build()) {
 *   int status = Repl.builder(interpreter, terminal)
 *       .historyFile(Path.of(System.getProperty("user.home"), ".hpq_history"))
 *       .banner("hpq 0.1 - type help() for an overview")
 *       .build()
 *       .run();
 * }
 * }</pre>
 */
public final class Repl {
  /** The prompt. */
  public static final String PROMPT = "hpq> ";

  /** The prompt while input is incomplete. */
  public static final String CONTINUATION_PROMPT = "...> ";

  private final ReplBuilder settings;

  Repl(ReplBuilder settings) {
    this.settings = settings;
  }

  /** Starts building a REPL for {@code interpreter} on {@code terminal}. */
  public static ReplBuilder builder(Interpreter interpreter, Terminal terminal) {
    return new ReplBuilder(interpreter, terminal);
  }

  /**
   * Reads and evaluates until Ctrl-D or {@code exit}. Does not close the terminal.
   *
   * @return 0
   */
  public int run() {
    Terminal terminal = settings.terminal();
    Interpreter interpreter = settings.interpreter();
    LineReader reader = lineReader(terminal, interpreter);
    PrintWriter out = terminal.writer();
    ErrorPrinter errors = new ErrorPrinter(out, settings.debug());
    ValuePrinter printer = new ValuePrinter(out, settings.outputMode());
    if (!settings.banner().isEmpty()) {
      out.println(settings.banner());
      out.flush();
    }
    try (EvaluationRunner runner = new EvaluationRunner(interpreter, settings.cancelGraceMillis())) {
      while (true) {
        String line;
        try {
          line = reader.readLine(PROMPT);
        } catch (UserInterruptException interrupt) {
          continue; // Ctrl-C while reading: drop the line
        } catch (EndOfFileException endOfInput) {
          break;
        }
        String trimmed = line.strip();
        if ((trimmed.equals("exit") || trimmed.equals("quit")) && interpreter.lookup(trimmed).isEmpty()) {
          break;
        }
        evaluate(line, terminal, interpreter, runner, printer, errors);
      }
    } finally {
      saveHistory(reader);
    }
    return 0;
  }

  private void evaluate(
      String line, Terminal terminal, Interpreter interpreter, EvaluationRunner runner,
      ValuePrinter printer, ErrorPrinter errors) {
    Source source = Source.interactive(line);
    Program program;
    try {
      program = interpreter.parse(source);
    } catch (ShellException error) {
      errors.print(error, source);
      return;
    } catch (StackOverflowError tooDeep) {
      terminal.writer().println(source.name() + ": input nested too deeply");
      terminal.writer().flush();
      return;
    }
    RenderOptions options = new RenderOptions(
        terminal.getWidth() > 0 ? terminal.getWidth() : RenderOptions.DEFAULT.width(), settings.maxRows());
    Runnable beforeOutput = settings.beforeOutput();
    Terminal.SignalHandler previous = terminal.handle(Terminal.Signal.INT, signal -> runner.cancel());
    EvaluationRunner.Result result;
    try {
      result = runner.run(program, value -> {
        beforeOutput.run();
        printer.print(value, options);
      });
    } finally {
      terminal.handle(Terminal.Signal.INT, previous);
    }
    if (result.status() != EvaluationRunner.Status.COMPLETED) {
      // A cancelled or failed evaluation can leave a progress line drawn: end it first.
      beforeOutput.run();
    }
    switch (result.status()) {
      case COMPLETED -> { }
      case FAILED -> errors.print(result.error(), source);
      case CANCELLED -> message(terminal, "interrupted");
      case ABANDONED -> message(terminal, "interrupted (the evaluation is still finishing in the background)");
    }
  }

  private static void message(Terminal terminal, String text) {
    terminal.writer().println(text);
    terminal.writer().flush();
  }

  private LineReader lineReader(Terminal terminal, Interpreter interpreter) {
    LineReaderBuilder builder = LineReaderBuilder.builder()
        .terminal(terminal)
        .appName("hpq")
        .parser(new ReplParser(interpreter))
        .completer(new ReplCompleter(interpreter))
        .highlighter(new ReplHighlighter(interpreter))
        .variable(LineReader.SECONDARY_PROMPT_PATTERN, CONTINUATION_PROMPT)
        .variable(LineReader.INDENTATION, 0)
        .option(LineReader.Option.DISABLE_EVENT_EXPANSION, true)
        .option(LineReader.Option.INSERT_TAB, false)
        .option(LineReader.Option.AUTO_GROUP, false);
    Path history = settings.historyFile();
    if (history != null) {
      builder.variable(LineReader.HISTORY_FILE, history);
    }
    return builder.build();
  }

  private static void saveHistory(LineReader reader) {
    try {
      reader.getHistory().save();
    } catch (IOException failed) {
      throw new UncheckedIOException("cannot save history", failed);
    }
  }
}
