package org.hpq.shell.heap;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import org.hpq.hprof.HeapDump;
import org.hpq.hprof.OpenOptions;
import org.hpq.shell.lang.Interpreter;
import org.hpq.shell.lang.ShellValue;
import org.hpq.shell.lang.Source;
import org.hpq.shell.lang.value.IntValue;
import org.hpq.shell.repl.internal.EvaluationRunner;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Ctrl-C on a long real query: the REPL's {@link EvaluationRunner} cancels {@code h.byvia} on a
 * generated dump of 200,000 objects (a query of about a second), and the session goes on with
 * its variables as before and correct answers afterwards.
 */
class HeapCancellationTest {
  private static final int NODES = 100_000;
  private static final long SEED = 11;

  @TempDir Path folder;

  @Test
  void cancellingByviaLeavesTheSessionUsable() throws Exception {
    Path file = LargeDump.write(folder, NODES, SEED);
    OpenOptions options = OpenOptions.defaults().withIndexDirectory(folder.resolve("index"));
    try (HeapDump dump = HeapDump.open(file, options);
        HeapShell shell = HeapShell.create(dump, options);
        EvaluationRunner runner = new EvaluationRunner(shell.interpreter(), 10_000)) {
      Interpreter interpreter = shell.interpreter();
      assertThat(run(runner, interpreter, "h = hp.heap(); n = h.count; v = 'before'").status())
          .isEqualTo(EvaluationRunner.Status.COMPLETED);
      ShellValue count = interpreter.lookup("n").orElseThrow();

      CompletableFuture<EvaluationRunner.Result> running =
          CompletableFuture.supplyAsync(() -> run(runner, interpreter, "v = len(h.byvia)"));
      while (!runner.isRunning() && !running.isDone()) {
        Thread.sleep(1);
      }
      Thread.sleep(100);
      runner.cancel();
      EvaluationRunner.Result cancelled = running.get(60, TimeUnit.SECONDS);

      assertThat(cancelled.status())
          .as("h.byvia on %d nodes (seed %d) should run longer than 100 ms and stop when cancelled", NODES, SEED)
          .isEqualTo(EvaluationRunner.Status.CANCELLED);
      assertThat(interpreter.lookup("v").orElseThrow().repr()).as("v is as before the cancelled statement").isEqualTo("'before'");
      assertThat(interpreter.lookup("n")).contains(count);

      // The session goes on: the same query, uncancelled, gives the whole answer (one row per
      // Node, each referred to through its own [i], plus the byte[]s, the array and the classes).
      assertThat(run(runner, interpreter, "v = len(h.byvia); w = h.count").status()).isEqualTo(EvaluationRunner.Status.COMPLETED);
      assertThat(((IntValue) interpreter.lookup("v").orElseThrow()).value()).isGreaterThan(NODES + 2);
      assertThat(interpreter.lookup("w")).contains(count);
      assertThat(((IntValue) count).value()).as("Nodes, their byte[]s, the array and the classes").isGreaterThan(2L * NODES);
    }
  }

  private static EvaluationRunner.Result run(EvaluationRunner runner, Interpreter interpreter, String statements) {
    return runner.run(interpreter.parse(Source.of("<input>", statements)), value -> {});
  }
}
