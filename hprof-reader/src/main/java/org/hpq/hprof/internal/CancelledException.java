package org.hpq.hprof.internal;

import java.util.concurrent.CancellationException;

/** Long work was cancelled by interrupting its thread. */
public final class CancelledException extends CancellationException {
  public CancelledException() {
    super("cancelled");
  }
}
