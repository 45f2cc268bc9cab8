package org.hpq.hprof.concurrent;

/**
 * Runs two pieces of work at once, one on a helper thread and one on the calling thread, for the
 * index build and the dominator computation, which use both cores of the machines hpq is made for.
 */
public final class TwoThreads {
  private TwoThreads() {}

  /**
   * Runs {@code helperWork} on a new daemon thread named {@code name} and {@code callerWork} on
   * this one, and returns once both have ended; a failure of either is rethrown (the caller's
   * first, the helper's added to it as suppressed). Never returns nor throws while the helper
   * still runs, as both may share arrays; so helper work should be short or check for a stop.
   */
  public static void run(String name, Runnable helperWork, Runnable callerWork) {
    Throwable[] failure = new Throwable[1];
    Thread helper =
        new Thread(
            () -> {
              try {
                helperWork.run();
              } catch (Throwable e) {
                failure[0] = e;
              }
            },
            name);
    helper.setDaemon(true);
    helper.start();
    try {
      callerWork.run();
    } catch (RuntimeException | Error e) {
      joinUninterruptibly(helper);
      if (failure[0] != null) {
        e.addSuppressed(failure[0]);
      }
      throw e;
    }
    joinUninterruptibly(helper);
    if (failure[0] instanceof RuntimeException runtime) {
      throw runtime;
    }
    if (failure[0] instanceof Error error) {
      throw error;
    }
    if (failure[0] != null) {
      throw new IllegalStateException(failure[0]);
    }
  }

  /**
   * Starts {@code work} on a new daemon thread named {@code name}, for callers whose own part does
   * not fit {@link #run} (it throws checked exceptions, or a failure of the helper is handled
   * rather than rethrown). The caller must {@link Helper#join} it before using what it wrote.
   */
  public static Helper start(String name, Runnable work) {
    Helper helper = new Helper(work, name);
    helper.thread.start();
    return helper;
  }

  /** A helper thread started by {@link #start}, with what it threw. */
  public static final class Helper {
    private final Thread thread;
    private Throwable failure;

    private Helper(Runnable work, String name) {
      thread = new Thread(() -> {
        try {
          work.run();
        } catch (Throwable e) {
          failure = e;
        }
      }, name);
      thread.setDaemon(true);
    }

    /** Waits for the helper to end (an interrupt meanwhile is kept); returns what it threw, or null. */
    public Throwable join() {
      joinUninterruptibly(thread);
      return failure;
    }

    /** Waits for the helper to end and rethrows what it threw, unchecked. */
    public void joinAndRethrow() {
      Throwable thrown = join();
      if (thrown instanceof RuntimeException runtime) {
        throw runtime;
      }
      if (thrown instanceof Error error) {
        throw error;
      }
      if (thrown != null) {
        throw new IllegalStateException(thrown);
      }
    }
  }

  /** Waits for {@code thread} to end; an interrupt meanwhile is kept for the caller to see. */
  public static void joinUninterruptibly(Thread thread) {
    boolean interrupted = false;
    while (true) {
      try {
        thread.join();
        break;
      } catch (InterruptedException e) {
        interrupted = true;
      }
    }
    if (interrupted) {
      Thread.currentThread().interrupt();
    }
  }
}
