package org.hpq.shell.cli;

import java.io.OutputStreamWriter;
import java.io.PrintStream;
import java.io.PrintWriter;
import java.nio.charset.StandardCharsets;
import picocli.CommandLine;

/** The {@code hpq} command line: exit codes 0 success, 1 query error, 2 usage, 3 unreadable dump. */
public final class Main {
  private Main() {}

  public static void main(String[] args) {
    System.exit(run(args));
  }

  /** Runs the command line on {@code System.out} and {@code System.err}; returns the exit code. */
  public static int run(String... args) {
    return run(System.out, System.err, args);
  }

  /**
   * Runs the command line with its results (values, tables, JSON, help) written to {@code out}
   * and its messages (errors, warnings, index notes) to {@code err}, in UTF-8; returns the exit
   * code. Both streams are flushed, not closed. The interactive shell still uses the terminal.
   */
  public static int run(PrintStream out, PrintStream err, String... args) {
    PrintWriter outWriter = new PrintWriter(new OutputStreamWriter(out, StandardCharsets.UTF_8), true);
    PrintWriter errWriter = new PrintWriter(new OutputStreamWriter(err, StandardCharsets.UTF_8), true);
    CommandLine line = new CommandLine(new HpqCommand());
    line.setOut(outWriter);
    line.setErr(errWriter);
    line.setCaseInsensitiveEnumValuesAllowed(true);
    line.setExecutionExceptionHandler(new ErrorHandler());
    line.setParameterExceptionHandler(
        (exception, arguments) -> {
          CommandLine command = exception.getCommandLine();
          command.getErr().println("hpq: " + exception.getMessage());
          command.getErr().println("Try '" + command.getCommandSpec().qualifiedName() + " --help' for more.");
          return ExitCodes.USAGE;
        });
    try {
      return line.execute(args);
    } finally {
      outWriter.flush();
      errWriter.flush();
    }
  }
}
