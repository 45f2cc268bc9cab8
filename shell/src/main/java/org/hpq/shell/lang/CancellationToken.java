package org.hpq.shell.lang;

/**
 * A cancellation flag for one evaluation, checked by the evaluator between steps and by host
 * code in long loops. It is cancelled by {@link #cancel()} (the REPL's Ctrl-C), by its optional
 * deadline passing (completion) or by the evaluating thread being interrupted.
 *
 * <p>While an evaluation runs, its token is bound to the evaluating thread, so host code can call
 * {@link #checkpoint()} without having the token passed in. Thread-safe.
 */
public final class CancellationToken {
  private static final ThreadLocal<CancellationToken> CURRENT = new ThreadLocal<>();
  private static final CancellationToken NEVER = new CancellationToken(Long.MAX_VALUE, false);

  private final long deadlineNanos;
  private final boolean hasDeadline;
  private volatile boolean cancelled;

  private CancellationToken(long deadlineNanos, boolean hasDeadline) {
    this.deadlineNanos = deadlineNanos;
    this.hasDeadline = hasDeadline;
  }

  /** Returns a new token that is cancelled only by {@link #cancel()} or a thread interrupt. */
  public static CancellationToken create() {
    return new CancellationToken(0, false);
  }

  /** Returns a new token that also cancels itself {@code millis} milliseconds from now. */
  public static CancellationToken withTimeoutMillis(long millis) {
    return new CancellationToken(System.nanoTime() + millis * 1_000_000L, true);
  }

  /** Returns a token that is never cancelled except by a thread interrupt. */
  public static CancellationToken never() {
    return NEVER;
  }

  /** Cancels; idempotent. */
  public void cancel() {
    if (this != NEVER) {
      cancelled = true;
    }
  }

  /** Whether {@link #cancel()} was called, the deadline passed or the thread was interrupted. */
  public boolean isCancelled() {
    return cancelled
        || (hasDeadline && System.nanoTime() - deadlineNanos > 0)
        || Thread.currentThread().isInterrupted();
  }

  /**
   * Throws when cancelled.
   *
   * @throws EvaluationCancelledException if {@link #isCancelled()}
   */
  public void throwIfCancelled() {
    if (isCancelled()) {
      throw new EvaluationCancelledException(null);
    }
  }

  /** The token bound to the current thread by a running evaluation, else {@link #never()}. */
  public static CancellationToken current() {
    CancellationToken token = CURRENT.get();
    return token == null ? NEVER : token;
  }

  /**
   * For host code in long loops: throws when the current evaluation is cancelled.
   *
   * @throws EvaluationCancelledException if {@code current().isCancelled()}
   */
  public static void checkpoint() {
    current().throwIfCancelled();
  }

  /**
   * Binds this token to the current thread until the returned scope is closed. Used by the
   * evaluator; nesting restores the outer token.
   */
  public Scope bind() {
    CancellationToken previous = CURRENT.get();
    CURRENT.set(this);
    return () -> {
      if (previous == null) {
        CURRENT.remove();
      } else {
        CURRENT.set(previous);
      }
    };
  }

  /** A binding of a token to a thread; closing it restores the previous binding. */
  public interface Scope extends AutoCloseable {
    /** Restores the previous binding. */
    @Override
    void close();
  }
}
