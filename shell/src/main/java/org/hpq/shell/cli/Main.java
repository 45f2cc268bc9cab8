package org.hpq.shell.cli;

import picocli.CommandLine;

/** The {@code hpq} command line: exit codes 0 success, 1 query error, 2 usage, 3 unreadable dump. */
public final class Main {
  private Main() {}

  public static void main(String[] args) {
    System.exit(run(args));
  }

  /** Runs the command line and returns its exit code (for tests). */
  public static int run(String... args) {
    CommandLine line = new CommandLine(new HpqCommand());
    line.setExecutionExceptionHandler(new ErrorHandler());
    line.setParameterExceptionHandler(
        (exception, arguments) -> {
          CommandLine command = exception.getCommandLine();
          command.getErr().println("hpq: " + exception.getMessage());
          command.getErr().println("Try '" + command.getCommandSpec().qualifiedName() + " --help' for more.");
          return ExitCodes.USAGE;
        });
    return line.execute(args);
  }
}
