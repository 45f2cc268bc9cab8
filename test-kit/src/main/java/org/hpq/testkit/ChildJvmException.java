package org.hpq.testkit;

import java.io.IOException;

/**
 * A child JVM or a {@code jcmd} failed, timed out or answered unexpectedly; the message holds the
 * command, its output and the child's standard output and error.
 */
public final class ChildJvmException extends IOException {
  /** An exception with the given diagnostic message. */
  public ChildJvmException(String message) {
    super(message);
  }
}
