package org.hpq.hprof.dominators.internal;

/** Small helpers for the helper threads of the dominator computation. */
final class Threads {
  private Threads() {}

  /**
   * Runs {@code helperWork} on a new daemon thread named {@code name} and {@code callerWork} on
   * this one, and returns once both have ended; a failure of either is rethrown (the caller's
   * first, the helper's added to it as suppressed). Never returns nor throws while the helper
   * still runs, as both may share arrays; so helper work should be short or check for a stop.
   */
  static void run(String name, Runnable helperWork, Runnable callerWork) {
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

  /** Waits for {@code thread} to end; an interrupt meanwhile is kept for the caller to see. */
  static void joinUninterruptibly(Thread thread) {
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
