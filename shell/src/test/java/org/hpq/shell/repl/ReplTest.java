package org.hpq.shell.repl;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.concurrent.TimeUnit;
import org.hpq.shell.lang.FakeHeapAccess;
import org.hpq.shell.lang.Interpreter;
import org.jline.terminal.Terminal;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class ReplTest {
  @TempDir Path directory;

  private final FakeHeapAccess heap = new FakeHeapAccess();
  private final Interpreter interpreter = heap.interpreter();

  @Test
  void evaluatesPrintsAndKeepsHistory() throws Exception {
    Path history = directory.resolve("history");
    try (ReplHarness repl = new ReplHarness(interpreter, history, false, settings -> settings)) {
      repl.type("h = hp.heap()\n");
      repl.type("h.count + 1\n");
      repl.awaitScreen("8", 0);
      repl.type("_ * 2\n");
      repl.awaitScreen("16", 0);
      assertThat(repl.finish()).isZero();
      assertThat(repl.screen()).contains("hpq> ");
    }
    assertThat(Files.readString(history)).contains("h = hp.heap()", "_ * 2");
  }

  @Test
  void multiLineInputWithOpenBrackets() throws Exception {
    try (ReplHarness repl = new ReplHarness(interpreter, null, true, settings -> settings)) {
      repl.type("x = (1 +\n");
      repl.type("2 *\n");
      repl.type("3)\n");
      repl.type("x\n");
      String screen = repl.awaitScreen("\n7\n", 0);
      assertThat(screen).contains("\n...> ");
      repl.finish();
    }
  }

  @Test
  void printsErrorsWithPositionAndCaret() throws Exception {
    try (ReplHarness repl = new ReplHarness(interpreter, null, false, settings -> settings)) {
      repl.type("h = hp.heap()\n");
      repl.type("h.byrsc\n");
      String screen = repl.awaitScreen("did you mean 'byrcs'?", 0);
      assertThat(screen).contains("<input>:1:3: 'NodeSet' object has no attribute 'byrsc'; did you mean 'byrcs'?\nh.byrsc\n  ^");
      repl.type("1 +* 2\n");
      repl.awaitScreen("<input>:1:4: expected an expression, found '*'", 0);
      repl.type("h.count\n");
      repl.awaitScreen("7", 0);
      repl.finish();
    }
  }

  @Test
  void ctrlCDuringALongQueryCancelsItAndKeepsTheSession() throws Exception {
    try (ReplHarness repl = new ReplHarness(interpreter, null, false, settings -> settings)) {
      repl.type("x = 41\n");
      repl.type("x = hp.slow()\n");
      assertThat(heap.slowStarted().await(20, TimeUnit.SECONDS)).isTrue();
      repl.terminal().raise(Terminal.Signal.INT);
      repl.awaitScreen("interrupted", 0);
      repl.type("x + 1\n");
      repl.awaitScreen("42", 0);
      repl.finish();
    }
  }

  @Test
  void abandonsAnEvaluationThatIgnoresCtrlC() throws Exception {
    try (ReplHarness repl = new ReplHarness(interpreter, null, false, settings -> settings.cancelGraceMillis(50))) {
      repl.type("x = hp.stubborn()\n");
      assertThat(heap.stubbornStarted().await(20, TimeUnit.SECONDS)).isTrue();
      repl.terminal().raise(Terminal.Signal.INT);
      repl.awaitScreen("interrupted (the evaluation is still finishing in the background)", 0);
      repl.type("2 * 21\n");
      repl.awaitScreen("42", 0);
      heap.releaseStubborn();
      repl.finish();
    }
  }

  @Test
  void ctrlCWhileReadingDropsTheLine() throws Exception {
    try (ReplHarness repl = new ReplHarness(interpreter, null, true, settings -> settings)) {
      repl.awaitScreen("hpq> ", 0);
      repl.type("this is not valid");
      // The terminal echoes what it receives; wait for the line editor to show it after the prompt.
      repl.awaitScreen("valid", repl.screen().indexOf("hpq> "));
      int beforeInterrupt = repl.screen().length();
      repl.type("\u0003");
      // A real user types on after the fresh prompt; typing earlier races with the interrupt.
      repl.awaitScreen("hpq> ", beforeInterrupt);
      repl.type("2 + 3\n");
      String screen = repl.awaitScreen("\n5\n", 0);
      assertThat(screen).doesNotContain("<input>:1");
      repl.finish();
    }
  }

  @Test
  void tabCompletesAttributes() throws Exception {
    try (ReplHarness repl = new ReplHarness(interpreter, null, true, settings -> settings)) {
      repl.type("h = hp.heap()\n");
      repl.type("h.byr\t\n");
      assertThat(repl.awaitScreen("Set of 7 members", 0)).contains("hpq> h.byrcs\n");
      int mark = repl.screen().length();
      repl.type("h.by\t");
      String screen = repl.awaitScreen("byvia", mark);
      assertThat(screen.substring(mark)).contains("byclodo", "byrcs", "bytype", "by").doesNotContain("count");
      repl.type("\n");
      mark = repl.screen().length();
      repl.type("hp.Type('java.util.HashS\t)\n");
      // HashSet is the third class of the toy heap: members 4 and 5.
      assertThat(repl.awaitScreen("     1 5", mark).substring(mark)).contains("Set of 2 members", "java.util.HashSet'");
      repl.finish();
    }
  }

  @Test
  void jsonModePrintsOneDocumentPerValue() throws Exception {
    try (ReplHarness repl = new ReplHarness(interpreter, null, false, settings -> settings.outputMode(OutputMode.JSON))) {
      repl.type("[1, 'a', None, True]\n");
      repl.awaitScreen("[1,\"a\",null,true]", 0);
      repl.finish();
    }
  }

  @Test
  void exitLeaves() throws Exception {
    try (ReplHarness repl = new ReplHarness(interpreter, null, false, settings -> settings.banner("welcome"))) {
      repl.type("exit\n");
      repl.type("1 + 1\n");
      assertThat(repl.finish()).isZero();
      assertThat(repl.screen()).startsWith("welcome").doesNotContain("2\n");
    }
  }
}
