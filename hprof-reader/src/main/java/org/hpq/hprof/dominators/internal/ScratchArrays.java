package org.hpq.hprof.dominators.internal;

import java.util.ArrayList;
import java.util.List;

/**
 * The scratch arrays of a computation that are still open, so that each is closed exactly once:
 * as soon as it is dead ({@link #close(AutoCloseable)}), or at the end, also on failure ({@link
 * #close()}). Not thread-safe.
 */
final class ScratchArrays implements AutoCloseable {
  private final List<AutoCloseable> open = new ArrayList<>();

  /** Registers {@code arrays}. */
  void add(AutoCloseable... arrays) {
    open.addAll(List.of(arrays));
  }

  /** Closes {@code array} now; it must have been registered and not closed yet. */
  void close(AutoCloseable array) {
    for (int index = 0; index < open.size(); index++) {
      if (open.get(index) == array) {
        open.remove(index);
        closeQuietly(array, null);
        return;
      }
    }
    throw new IllegalStateException("not an open scratch array");
  }

  /** Closes every array still open, the last registered first. */
  @Override
  public void close() {
    RuntimeException failure = null;
    for (int index = open.size() - 1; index >= 0; index--) {
      failure = closeQuietly(open.get(index), failure);
    }
    open.clear();
    if (failure != null) {
      throw failure;
    }
  }

  private static RuntimeException closeQuietly(AutoCloseable array, RuntimeException failure) {
    try {
      array.close();
      return failure;
    } catch (Exception e) {
      RuntimeException wrapped = e instanceof RuntimeException r ? r : new IllegalStateException(e);
      if (failure == null) {
        return wrapped;
      }
      failure.addSuppressed(wrapped);
      return failure;
    }
  }
}
