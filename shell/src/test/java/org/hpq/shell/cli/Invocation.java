package org.hpq.shell.cli;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.util.List;

/**
 * One run of the {@code hpq} command line in this JVM, through {@link Main#run(PrintStream,
 * PrintStream, String...)}: its exit code and what it printed.
 *
 * @param arguments the command line
 * @param exitCode what it returned
 * @param out the standard output
 * @param err the error output
 */
record Invocation(List<String> arguments, int exitCode, String out, String err) {
  /** Runs {@code hpq ARGUMENTS}. */
  static Invocation of(String... arguments) {
    ByteArrayOutputStream out = new ByteArrayOutputStream();
    ByteArrayOutputStream err = new ByteArrayOutputStream();
    int exitCode;
    try (PrintStream outStream = new PrintStream(out, true, StandardCharsets.UTF_8);
        PrintStream errStream = new PrintStream(err, true, StandardCharsets.UTF_8)) {
      exitCode = Main.run(outStream, errStream, arguments);
    }
    return new Invocation(List.of(arguments), exitCode, out.toString(StandardCharsets.UTF_8),
        err.toString(StandardCharsets.UTF_8));
  }

  /** The lines of the standard output. */
  List<String> outLines() {
    return out.lines().toList();
  }

  /** The lines of the error output. */
  List<String> errLines() {
    return err.lines().toList();
  }

  /** For failure messages: the command and both outputs. */
  @Override
  public String toString() {
    return "hpq " + String.join(" ", arguments) + "\n=> exit " + exitCode + "\n--- out\n" + out + "--- err\n" + err;
  }
}
