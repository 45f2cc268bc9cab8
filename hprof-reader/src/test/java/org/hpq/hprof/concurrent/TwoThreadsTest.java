package org.hpq.hprof.concurrent;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.concurrent.atomic.AtomicBoolean;
import org.junit.jupiter.api.Test;

class TwoThreadsTest {

  @Test
  void runsBothAndReturnsAfterBoth() {
    AtomicBoolean helperDone = new AtomicBoolean();
    AtomicBoolean callerDone = new AtomicBoolean();
    TwoThreads.run("test-helper", () -> {
      sleep(50);
      helperDone.set(true);
    }, () -> callerDone.set(true));
    assertThat(helperDone).isTrue();
    assertThat(callerDone).isTrue();
  }

  @Test
  void rethrowsTheHelpersFailure() {
    assertThatThrownBy(() -> TwoThreads.run("test-helper", () -> {
      throw new IllegalStateException("helper");
    }, () -> {}))
        .isInstanceOf(IllegalStateException.class)
        .hasMessage("helper");
  }

  @Test
  void rethrowsTheCallersFailureAfterTheHelperEnded() {
    AtomicBoolean helperDone = new AtomicBoolean();
    assertThatThrownBy(() -> TwoThreads.run("test-helper", () -> {
      sleep(50);
      helperDone.set(true);
      throw new IllegalArgumentException("helper");
    }, () -> {
      throw new IllegalStateException("caller");
    }))
        .isInstanceOf(IllegalStateException.class)
        .hasMessage("caller")
        .satisfies(e -> assertThat(e.getSuppressed()).hasSize(1));
    assertThat(helperDone).isTrue();
  }

  private static void sleep(long millis) {
    try {
      Thread.sleep(millis);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    }
  }
}
