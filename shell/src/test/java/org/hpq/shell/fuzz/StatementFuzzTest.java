package org.hpq.shell.fuzz;

import com.code_intelligence.jazzer.api.FuzzedDataProvider;
import com.code_intelligence.jazzer.junit.FuzzTest;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.hpq.hprof.HeapDump;
import org.hpq.hprof.HprofFormatException;
import org.hpq.shell.heap.HeapShell;
import org.hpq.shell.lang.CancellationToken;
import org.hpq.shell.lang.EvaluationCancelledException;
import org.hpq.shell.lang.EvaluationError;
import org.hpq.shell.lang.Interpreter;
import org.hpq.shell.lang.RenderOptions;
import org.hpq.shell.lang.ShellException;
import org.hpq.shell.lang.ShellValue;
import org.hpq.shell.lang.Source;
import org.hpq.shell.repl.internal.ValuePrinter;

/**
 * Coverage-guided fuzzing of the shell's parser and evaluator on a small real heap: random
 * statement text (raw, or assembled from the language's tokens and hpq's attribute names) is
 * parsed, run, rendered as text and as JSON, and completed. Every statement must either succeed or
 * fail with a {@link ShellException} that is not an "internal error" (a host exception the
 * evaluator had to wrap); a failing statement must leave every variable as it was. Findings are
 * replayed from {@code src/test/resources/org/hpq/shell/fuzz/StatementFuzzTestInputs/run}.
 */
class StatementFuzzTest {
  private static final List<String> TOKENS =
      List.of(
          "hp", "hp.heap()", "hp.heapu()", ".heap()", ".byrcs", ".bytype", ".byclodo", ".byvia", ".byid", ".bysize",
          ".byidset", ".by(", ".referrers", ".referents", ".sp", ".imdom", ".dominos", ".domisize", ".indisize", ".size",
          ".count", ".kind", ".more", ".all", ".theone", ".parts", ".stat", ".diff(", ".pathsin", ".pathsout", ".rp",
          ".shortest_paths(", ".owners", ".er", ".biper", ".maprox", ".brief", ".disjoint(", ".retained", ".length",
          ".text", ".id", ".type", ".set", ".alt", ".doc", "[", "]", "(", ")", ",", ":", "&", "|", "^", "-", "~", "+",
          "*", "//", "%", "<", "<=", "==", "!=", ">", " in ", " not ", " and ", " or ", " = ", ";", "x", "y", "_", "0",
          "1", "-1", "7", "99999999999999999999", "'java.lang.String'", "'com.example.Node'", "'Tree'", "hp.Type(",
          "hp.Clodo(", "hp.Rcs(", "hp.Via(", "'.next'", "hp.Size(", "hp.Id(", "hp.Root", "hp.Anything", "hp.Nothing",
          "hp.iso(", "hp.idset(", "0x700000000", "help(", "dir(", "len(", "str(", "hex(", "?", "'", "\"", "#",
          ".", "hp.setrelheap(", "hp.warnings", "hp.layout", "key=", "owner=", "None", "True", "False", " ");
  private static final Path FOLDER;
  private static final HeapShell SHELL;
  private static final Interpreter INTERPRETER;

  static {
    try {
      FOLDER = Files.createTempDirectory("hpq-statement-fuzz-");
      HeapDump dump = SmallHeap.open(FOLDER, 40);
      SHELL = HeapShell.create(dump, SmallHeap.options(FOLDER));
      INTERPRETER = SHELL.interpreter();
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    } catch (HprofFormatException e) {
      throw new ExceptionInInitializerError(e);
    }
  }

  @FuzzTest(maxDuration = "10m")
  void run(FuzzedDataProvider data) {
    int statements = data.consumeInt(1, 4);
    for (int i = 0; i < statements && data.remainingBytes() > 0; i++) {
      String text = data.consumeBoolean() ? data.consumeString(200) : assemble(data);
      runOne(text);
    }
  }

  private static String assemble(FuzzedDataProvider data) {
    StringBuilder text = new StringBuilder();
    int count = data.consumeInt(1, 24);
    for (int i = 0; i < count && data.remainingBytes() > 0; i++) {
      text.append(data.pickValue(TOKENS));
    }
    return text.toString();
  }

  static void runOne(String text) {
    INTERPRETER.complete(text, text.length());
    INTERPRETER.styles(text);
    INTERPRETER.status(text);
    Map<String, ShellValue> before = INTERPRETER.variables();
    CancellationToken token = CancellationToken.withTimeoutMillis(5000);
    try {
      INTERPRETER.execute(Source.of("fuzz", text), token, StatementFuzzTest::render);
    } catch (EvaluationCancelledException slow) {
      // Cancelled after the time budget: that is the cancellation path, not a failure.
      INTERPRETER.cancel(token);
      return;
    } catch (ShellException error) {
      // The evaluator wraps a host's RuntimeException as "internal error: ..." with it as cause.
      if (error instanceof EvaluationError && error.detail().startsWith("internal error")
          && error.getCause() instanceof RuntimeException && !(error.getCause() instanceof ShellException)) {
        throw new AssertionError("internal error for " + quoted(text) + ": " + error.getMessage(), error);
      }
      error.format(Source.of("fuzz", text));
      if (statementCount(text) == 1 && !INTERPRETER.variables().equals(before)) {
        throw new AssertionError("a failing statement changed variables: " + quoted(text));
      }
    }
  }

  private static int statementCount(String text) {
    try {
      return INTERPRETER.parse(Source.of("fuzz", text)).statements().size();
    } catch (ShellException e) {
      return 0;
    }
  }

  private static void render(ShellValue value) {
    value.render(RenderOptions.DEFAULT);
    value.repr();
    ValuePrinter.json(value);
  }

  private static String quoted(String text) {
    return "\"" + text.replace("\\", "\\\\").replace("\n", "\\n").replace("\"", "\\\"") + "\"";
  }
}
