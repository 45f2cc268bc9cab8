package org.hpq.shell.heap;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import org.hpq.hprof.HeapDump;
import org.hpq.hprof.OpenOptions;
import org.hpq.shell.lang.CancellationToken;
import org.hpq.shell.lang.value.BuiltinFunction;
import org.hpq.shell.repl.ReplHarness;
import org.jline.terminal.Terminal;
import org.jline.terminal.TerminalBuilder;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The progress line is shown only where a line can be redrawn, never piled into piped output,
 * and it is gone before the REPL says anything after Ctrl-C.
 */
class ProgressTerminalTest {
  private static final String PROGRESS = "byeverything 45% (Ctrl-C cancels)";

  @TempDir Path folder;

  @Test
  void aDumbTerminalGetsNoProgressLine() throws Exception {
    try (Terminal terminal = TerminalBuilder.builder().system(false).dumb(true).type(Terminal.TYPE_DUMB)
        .streams(new ByteArrayInputStream(new byte[0]), new ByteArrayOutputStream()).build()) {
      assertThat(HeapShell.redrawsLines(terminal)).isFalse();
    }
  }

  @Test
  void anAnsiTerminalGetsOne() throws Exception {
    try (Terminal terminal = TerminalBuilder.builder().system(false).type("xterm-256color")
        .streams(new ByteArrayInputStream(new byte[0]), new ByteArrayOutputStream()).build()) {
      assertThat(HeapShell.redrawsLines(terminal)).isTrue();
    }
  }

  @Test
  void ctrlCClearsTheProgressLineBeforeSayingInterrupted() throws Exception {
    List<String> lines = interruptAQueryWithProgress(true);
    assertThat(lines).as("lines as the terminal shows them").contains("interrupted").noneMatch(line -> line.contains("Ctrl-C cancels"));
  }

  @Test
  void ctrlCOnADumbTerminalSaysInterruptedOnALineOfItsOwn() throws Exception {
    // Keys are not echoed there: the message follows the prompt, as all output does.
    List<String> lines = interruptAQueryWithProgress(false);
    assertThat(lines).contains("hpq> interrupted").noneMatch(line -> line.contains("Ctrl-C cancels"));
  }

  @Test
  void anInterruptedQueryDrawsNoMoreProgress() {
    // An abandoned query (Ctrl-C, still finishing) must not draw over the next prompt.
    StringWriter screen = new StringWriter();
    TerminalProgress progress = new TerminalProgress(new PrintWriter(screen), Duration.ZERO);
    Thread.currentThread().interrupt();
    try {
      progress.progress("byvia", 1, 2);
    } finally {
      assertThat(Thread.interrupted()).isTrue();
    }
    assertThat(screen.toString()).isEmpty();
    progress.progress("byvia", 1, 2);
    assertThat(screen.toString()).isEqualTo("\rbyvia 50% (Ctrl-C cancels)");
  }

  /**
   * Runs {@code crawl()} in the REPL: it reports progress as a heap query does, then runs until
   * cancelled; Ctrl-C once the progress is reported. Returns the lines as a terminal shows them.
   */
  private List<String> interruptAQueryWithProgress(boolean ansi) throws Exception {
    SampleDump sample = SampleDump.write(folder);
    OpenOptions options = OpenOptions.defaults().withIndexDirectory(folder.resolve("index"));
    try (HeapDump dump = HeapDump.open(sample.file(), options);
        HeapShell shell = HeapShell.create(dump, options)) {
      CountDownLatch reported = new CountDownLatch(1);
      shell.interpreter().define("crawl", BuiltinFunction.of("crawl()", "reports progress, runs until cancelled", arguments -> {
        shell.heap().progress().progress("byeverything", 45, 100);
        reported.countDown();
        while (true) {
          CancellationToken.checkpoint();
          Thread.onSpinWait();
        }
      }));
      try (ReplHarness repl = new ReplHarness(ansi, terminal -> shell.repl(terminal, Duration.ZERO))) {
        repl.type("crawl()\n");
        assertThat(reported.await(20, TimeUnit.SECONDS)).isTrue();
        if (ansi) {
          repl.awaitScreen(PROGRESS, 0);
        }
        repl.terminal().raise(Terminal.Signal.INT);
        repl.awaitScreen("interrupted", 0);
        repl.type("1 + 1\n");
        repl.awaitScreen("2\nhpq> ", 0);
        repl.finish();
        return shownLines(repl.rawScreen());
      }
    }
  }

  /**
   * The lines of {@code output} as a terminal shows them: a carriage return goes back to the
   * start of the line and later text overwrites; escape sequences and trailing blanks are dropped.
   */
  private static List<String> shownLines(String output) {
    List<String> lines = new ArrayList<>();
    for (String printed : output.replaceAll("\u001B\\[[0-9;?]*[A-Za-z]", "").split("\n", -1)) {
      StringBuilder line = new StringBuilder();
      int column = 0;
      for (char c : printed.toCharArray()) {
        if (c == '\r') {
          column = 0;
        } else if (column < line.length()) {
          line.setCharAt(column++, c);
        } else {
          line.append(c);
          column++;
        }
      }
      lines.add(line.toString().stripTrailing());
    }
    return lines;
  }
}
