package org.hpq.shell.cli;

import java.io.IOException;
import java.nio.file.AccessDeniedException;
import java.nio.file.NoSuchFileException;
import org.hpq.hprof.HprofFormatException;
import picocli.CommandLine;

/** Prints one clear line for an error and picks the exit code; a stack trace only with --debug. */
final class ErrorHandler implements CommandLine.IExecutionExceptionHandler {
  @Override
  public int handleExecutionException(Exception exception, CommandLine line, CommandLine.ParseResult parsed) {
    boolean debug = parsed.hasMatchedOption("--debug");
    if (debug) {
      exception.printStackTrace(line.getErr());
    }
    line.getErr().println("hpq: " + message(exception));
    if (exception instanceof HprofFormatException || exception instanceof IOException) {
      return ExitCodes.UNREADABLE_DUMP;
    }
    if (exception instanceof IllegalArgumentException) {
      return ExitCodes.USAGE;
    }
    return ExitCodes.QUERY;
  }

  static String message(Exception exception) {
    if (exception instanceof NoSuchFileException missing) {
      return missing.getFile() + ": no such file";
    }
    if (exception instanceof AccessDeniedException denied) {
      return denied.getFile() + ": permission denied";
    }
    String text = exception.getMessage();
    return text == null ? exception.getClass().getSimpleName() : text;
  }
}
