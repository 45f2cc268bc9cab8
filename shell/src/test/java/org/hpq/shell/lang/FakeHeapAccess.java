package org.hpq.shell.lang;

import java.util.concurrent.CountDownLatch;

/** Gives tests in other packages the toy host of this package. */
public final class FakeHeapAccess {
  private final FakeHeap heap = new FakeHeap();

  /** A new interpreter with the toy {@code hp}. */
  public Interpreter interpreter() {
    return Interpreter.create().define("hp", heap);
  }

  /** Counted down when {@code hp.slow()} starts. */
  public CountDownLatch slowStarted() {
    return heap.slowStarted;
  }

  /** Counted down when {@code hp.stubborn()} starts. */
  public CountDownLatch stubbornStarted() {
    return heap.stubbornStarted;
  }

  /** Lets {@code hp.stubborn()} return. */
  public void releaseStubborn() {
    heap.stubbornRelease.countDown();
  }

  /** How many times {@code hp.effect()} ran. */
  public int effects() {
    return heap.effects.get();
  }
}
