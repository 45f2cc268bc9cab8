package org.hpq.shell.heap;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import org.jline.terminal.Terminal;
import org.jline.terminal.TerminalBuilder;
import org.junit.jupiter.api.Test;

/** The progress line is shown only where a line can be redrawn, never piled into piped output. */
class ProgressTerminalTest {
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
}
