package org.hpq.shell.repl.internal;

import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.FutureTask;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.function.Consumer;
import org.hpq.shell.lang.CancellationToken;
import org.hpq.shell.lang.EvaluationCancelledException;
import org.hpq.shell.lang.EvaluationError;
import org.hpq.shell.lang.Interpreter;
import org.hpq.shell.lang.ShellException;
import org.hpq.shell.lang.ShellValue;
import org.hpq.shell.lang.ast.Program;

/**
 * Runs evaluations on a worker thread so that the REPL thread can cancel them (Ctrl-C): {@link
 * #cancel()} cancels the token and interrupts the worker. If the evaluation has not stopped after
 * a grace period, it is abandoned (its thread keeps running but can no longer change variables)
 * and a new worker is started. One evaluation at a time.
 */
public final class EvaluationRunner implements AutoCloseable {
  /** How an evaluation ended. */
  public enum Status {
    /** Every statement ran. */
    COMPLETED,
    /** A statement failed; see {@link Result#error()}. */
    FAILED,
    /** Cancelled, and the worker stopped. */
    CANCELLED,
    /** Cancelled, but the worker did not stop within the grace period. */
    ABANDONED
  }

  /**
   * The outcome of {@link #run}.
   *
   * @param status how it ended
   * @param error the failure when {@code FAILED}, else null
   */
  public record Result(Status status, ShellException error) {}

  private record Running(CancellationToken token, Future<?> task) {}

  private final Interpreter interpreter;
  private final long graceMillis;
  private ExecutorService executor = newExecutor();
  private volatile Running current;
  private volatile long cancelRequestedNanos;
  private volatile boolean cancelRequested;

  /** A runner for {@code interpreter} that waits {@code graceMillis} for a cancelled evaluation. */
  public EvaluationRunner(Interpreter interpreter, long graceMillis) {
    this.interpreter = interpreter;
    this.graceMillis = graceMillis;
  }

  private static ExecutorService newExecutor() {
    return Executors.newSingleThreadExecutor(task -> {
      Thread thread = new Thread(task, "hpq-evaluation");
      thread.setDaemon(true);
      return thread;
    });
  }

  /** Runs {@code program}, passing values to {@code output} on the worker thread; blocks until it ends. */
  public Result run(Program program, Consumer<ShellValue> output) {
    CompletableFuture<Void> done = new CompletableFuture<>();
    CancellationToken token = CancellationToken.create();
    cancelRequested = false;
    AtomicBoolean started = new AtomicBoolean();
    FutureTask<Void> task = new FutureTask<>(() -> {
      started.set(true);
      try {
        interpreter.execute(program, token, output);
        done.complete(null);
      } catch (Throwable failure) {
        done.completeExceptionally(failure);
      }
    }, null);
    // Visible to cancel() before the evaluation can start: a Ctrl-C that comes as soon as it has
    // started must not find no evaluation to cancel.
    current = new Running(token, task);
    try {
      executor.execute(task);
      return await(done, task, started);
    } finally {
      current = null;
    }
  }

  private Result await(CompletableFuture<Void> done, FutureTask<Void> task, AtomicBoolean started) {
    while (true) {
      try {
        done.get(50, TimeUnit.MILLISECONDS);
        return new Result(Status.COMPLETED, null);
      } catch (TimeoutException stillRunning) {
        if (task.isCancelled() && !started.get()) {
          // Cancelled before it began: it never will.
          return new Result(Status.CANCELLED, null);
        }
        if (cancelRequested && System.nanoTime() - cancelRequestedNanos > graceMillis * 1_000_000L) {
          executor.shutdownNow();
          executor = newExecutor();
          return new Result(Status.ABANDONED, null);
        }
      } catch (InterruptedException interrupted) {
        cancel();
      } catch (ExecutionException failed) {
        return failure(failed.getCause());
      } catch (java.util.concurrent.CancellationException cancelled) {
        // Host code stops with the JDK's CancellationException when interrupted (heap queries);
        // a future completed with it rethrows it as is, not wrapped.
        return new Result(Status.CANCELLED, null);
      }
    }
  }

  private static Result failure(Throwable cause) {
    if (cause instanceof EvaluationCancelledException
        || cause instanceof java.util.concurrent.CancellationException) {
      return new Result(Status.CANCELLED, null);
    }
    if (cause instanceof ShellException error) {
      return new Result(Status.FAILED, error);
    }
    String what = cause instanceof StackOverflowError ? "expression nested too deeply" : "internal error: " + cause;
    return new Result(Status.FAILED, new EvaluationError(what, cause));
  }

  /** Cancels the running evaluation, if any; safe from any thread (a signal handler). */
  public void cancel() {
    Running running = current;
    if (running != null) {
      cancelRequestedNanos = System.nanoTime();
      cancelRequested = true;
      interpreter.cancel(running.token());
      running.task().cancel(true);
    }
  }

  /** Whether an evaluation is running. */
  public boolean isRunning() {
    return current != null;
  }

  @Override
  public void close() {
    executor.shutdownNow();
  }
}
