package org.hpq.shell.repl.internal;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.concurrent.CancellationException;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import org.hpq.shell.lang.Interpreter;
import org.hpq.shell.lang.Source;
import org.hpq.shell.lang.value.BuiltinFunction;
import org.hpq.shell.lang.value.IntValue;
import org.junit.jupiter.api.Test;

class EvaluationRunnerTest {
  /**
   * Heap queries stop with the JDK's {@link CancellationException} when their thread is
   * interrupted; Ctrl-C must report that as cancelled, not let it end the REPL (it once did: a
   * future completed with a CancellationException rethrows it unwrapped).
   */
  @Test
  void aHostCallStoppingWithTheJdksCancellationExceptionIsCancelled() throws Exception {
    Interpreter interpreter =
        Interpreter.create()
            .define("slow", BuiltinFunction.of("slow()", "loops until interrupted", arguments -> {
              while (!Thread.currentThread().isInterrupted()) {
                Thread.onSpinWait();
              }
              throw new CancellationException("cancelled");
            }))
            .define("one", IntValue.of(1));
    try (EvaluationRunner runner = new EvaluationRunner(interpreter, 10_000)) {
      CompletableFuture<EvaluationRunner.Result> running = CompletableFuture.supplyAsync(
          () -> runner.run(interpreter.parse(Source.of("<input>", "x = slow()")), value -> {}));
      while (!runner.isRunning()) {
        Thread.sleep(1);
      }
      Thread.sleep(20);
      runner.cancel();
      assertThat(running.get(30, TimeUnit.SECONDS).status()).isEqualTo(EvaluationRunner.Status.CANCELLED);
      assertThat(interpreter.variables()).doesNotContainKey("x");
      assertThat(runner.run(interpreter.parse(Source.of("<input>", "one")), value -> {}).status())
          .isEqualTo(EvaluationRunner.Status.COMPLETED);
    }
  }

  /**
   * A Ctrl-C that arrives the moment an evaluation has begun must cancel it. The runner once made
   * the evaluation cancellable only after handing it to its thread, so a signal sent as soon as it
   * started was lost and the query ran on (seen as a REPL test that never printed "interrupted").
   */
  @Test
  void cancellingAsSoonAsTheEvaluationStartsIsNeverLost() throws Exception {
    java.util.concurrent.atomic.AtomicReference<java.util.concurrent.CountDownLatch> started =
        new java.util.concurrent.atomic.AtomicReference<>();
    Interpreter interpreter =
        Interpreter.create()
            .define("slow", BuiltinFunction.of("slow()", "loops until interrupted", arguments -> {
              started.get().countDown();
              while (!Thread.currentThread().isInterrupted()) {
                Thread.onSpinWait();
              }
              throw new CancellationException("cancelled");
            }));
    try (EvaluationRunner runner = new EvaluationRunner(interpreter, 10_000)) {
      for (int round = 0; round < 200; round++) {
        java.util.concurrent.CountDownLatch latch = new java.util.concurrent.CountDownLatch(1);
        started.set(latch);
        CompletableFuture<EvaluationRunner.Result> running = CompletableFuture.supplyAsync(
            () -> runner.run(interpreter.parse(Source.of("<input>", "slow()")), value -> {}));
        assertThat(latch.await(30, TimeUnit.SECONDS)).as("round %d started", round).isTrue();
        runner.cancel();
        assertThat(running.get(30, TimeUnit.SECONDS).status()).as("round %d", round)
            .isEqualTo(EvaluationRunner.Status.CANCELLED);
      }
    }
  }
}
