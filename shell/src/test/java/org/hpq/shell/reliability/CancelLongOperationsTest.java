package org.hpq.shell.reliability;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import org.hpq.hprof.HeapDump;
import org.hpq.shell.fuzz.SmallHeap;
import org.hpq.shell.heap.HeapShell;
import org.hpq.shell.lang.Interpreter;
import org.hpq.shell.lang.RenderOptions;
import org.hpq.shell.lang.ShellValue;
import org.hpq.shell.lang.Source;
import org.hpq.shell.repl.internal.EvaluationRunner;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;

/**
 * Ctrl-C during each long operation of the shell (what the REPL's {@link EvaluationRunner} does
 * on Ctrl-C), at seeded random moments: the statement is cancelled (or had finished), no variable
 * changes, and afterwards the session answers the same statement exactly as a fresh session
 * does. The seed is in every failure message.
 */
@Timeout(600)
class CancelLongOperationsTest {
  private static final long SEED = 0xc7_71c0L;
  private static final List<String> OPERATIONS =
      List.of(
          "h.byrcs", "h.byvia", "h.byclodo", "h.bysize", "h.byid", "h.bytype.more", "h.referrers.byrcs",
          "h.sp", "h.dominos.bytype", "h.domisize", "h.stat", "hp.heapu().bytype", "len(h.byrcs)",
          "h.pathsin", "h.referents.referents.byvia");

  @TempDir Path folder;

  @Test
  void cancellingAnyLongOperationLeavesTheSessionUsable() throws Exception {
    Path file = Files.write(folder.resolve("many.hprof"), ManyObjects.bytes(150_000));
    Random random = new Random(SEED);
    int cancelled = 0;
    try (HeapDump dump = HeapDump.open(file, SmallHeap.options(folder));
        HeapShell shell = HeapShell.create(dump, SmallHeap.options(folder));
        HeapShell fresh = HeapShell.create(dump, SmallHeap.options(folder));
        EvaluationRunner runner = new EvaluationRunner(shell.interpreter(), 10_000);
        EvaluationRunner freshRunner = new EvaluationRunner(fresh.interpreter(), 10_000)) {
      Interpreter interpreter = shell.interpreter();
      assertThat(run(runner, interpreter, "h = hp.heap(); v = 'before'").status()).isEqualTo(EvaluationRunner.Status.COMPLETED);
      assertThat(run(freshRunner, fresh.interpreter(), "h = hp.heap()").status()).isEqualTo(EvaluationRunner.Status.COMPLETED);
      for (String operation : OPERATIONS) {
        int delay = random.nextInt(25);
        String context = operation + " cancelled after " + delay + " ms (seed " + SEED + ")";
        Map<String, ShellValue> before = interpreter.variables();
        CompletableFuture<EvaluationRunner.Result> running =
            CompletableFuture.supplyAsync(() -> run(runner, interpreter, "v = " + operation));
        while (!runner.isRunning() && !running.isDone()) {
          Thread.sleep(1);
        }
        Thread.sleep(delay);
        runner.cancel();
        EvaluationRunner.Result result = running.get(120, TimeUnit.SECONDS);
        assertThat(result.status()).as(context).isIn(EvaluationRunner.Status.CANCELLED, EvaluationRunner.Status.COMPLETED);
        if (result.status() == EvaluationRunner.Status.CANCELLED) {
          cancelled++;
          assertThat(interpreter.variables()).as(context).isEqualTo(before);
        }
        List<String> again = new ArrayList<>();
        assertThat(runner.run(interpreter.parse(Source.of("again", operation)), value -> again.add(text(value))).status())
            .as(context).isEqualTo(EvaluationRunner.Status.COMPLETED);
        List<String> expected = new ArrayList<>();
        freshRunner.run(fresh.interpreter().parse(Source.of("fresh", operation)), value -> expected.add(text(value)));
        assertThat(again).as(context).isEqualTo(expected);
      }
    }
    System.out.println("CancelLongOperationsTest: " + cancelled + " of " + OPERATIONS.size() + " operations were cancelled mid-way");
  }

  private static String text(ShellValue value) {
    return value.render(RenderOptions.forWidth(120));
  }

  private static EvaluationRunner.Result run(EvaluationRunner runner, Interpreter interpreter, String statements) {
    return runner.run(interpreter.parse(Source.of("<input>", statements)), value -> {});
  }
}
