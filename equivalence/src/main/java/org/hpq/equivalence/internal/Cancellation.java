package org.hpq.equivalence.internal;

import org.hpq.equivalence.Heap;

/** Counts visited objects and asks the heap about cancellation every 65536 of them. */
public final class Cancellation {
  private final Heap heap;
  private int visited;

  public Cancellation(Heap heap) {
    this.heap = heap;
  }

  /** Counts one object; throws {@link java.util.concurrent.CancellationException} if interrupted. */
  public void tick() {
    if ((++visited & 0xFFFF) == 0) {
      heap.checkCancelled();
    }
  }
}
