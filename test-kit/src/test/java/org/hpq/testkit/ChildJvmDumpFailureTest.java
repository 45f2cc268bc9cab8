package org.hpq.testkit;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Path;
import java.time.Duration;
import org.hpq.testkit.workloads.KnownGraph;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class ChildJvmDumpFailureTest {
  @TempDir Path directory;

  /** A child that dies before it is ready. */
  public static final class FailingMain {
    public static void main(String[] args) {
      System.err.println("boom from the child");
      System.exit(3);
    }
  }

  /** A child that never becomes ready. */
  public static final class SilentMain {
    public static void main(String[] args) throws InterruptedException {
      Thread.sleep(60_000);
    }
  }

  @Test
  void childThatDiesEarlyFailsWithItsOutput() {
    assertThatThrownBy(() -> ChildJvmDump.of(FailingMain.class).dumpTo(directory))
        .isInstanceOf(ChildJvmException.class)
        .hasMessageContaining("ended without printing READY")
        .hasMessageContaining("boom from the child")
        .hasMessageContaining("exit code 3");
  }

  @Test
  void childThatNeverGetsReadyTimesOut() {
    assertThatThrownBy(() -> ChildJvmDump.of(SilentMain.class).timeout(Duration.ofSeconds(2))
            .dumpTo(directory))
        .isInstanceOf(ChildJvmException.class)
        .hasMessageContaining("PT2S");
  }

  @Test
  void missingJdkAndImpossibleOptionsAreRejected() throws Exception {
    Path nowhere = directory.resolve("no-jdk");
    assertThat(ChildJvmDump.jdkExists(nowhere)).isFalse();
    assertThat(ChildJvmDump.jdkExists(ChildJvmDump.currentJavaHome())).isTrue();
    assertThat(ChildJvmDump.javaMajorVersion(ChildJvmDump.currentJavaHome()))
        .isEqualTo(Runtime.version().feature());
    assertThatThrownBy(() -> ChildJvmDump.of(KnownGraph.class).javaHome(nowhere).dumpTo(directory))
        .isInstanceOf(IllegalStateException.class).hasMessageContaining("no-jdk");
    assertThatThrownBy(() -> ChildJvmDump.of(KnownGraph.class).inProcess(true).gzipLevel(1)
            .dumpTo(directory))
        .isInstanceOf(IllegalStateException.class);
    assertThatThrownBy(() -> ChildJvmDump.of(KnownGraph.class).gzipLevel(10))
        .isInstanceOf(IllegalArgumentException.class);
  }
}
