package org.hpq.shell.reliability;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.hpq.hprof.HeapDump;
import org.hpq.shell.fuzz.SmallHeap;
import org.hpq.shell.heap.HeapShell;
import org.hpq.shell.lang.Interpreter;
import org.hpq.shell.lang.ShellValue;
import org.hpq.shell.lang.Source;
import org.hpq.shell.repl.ScriptResult;
import org.hpq.shell.repl.ScriptRunner;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;

/**
 * A shell on a dump of a million objects: a query with a million rows prints one page and the
 * {@code more} footer (and {@code _.more} the next page), and a statement that fails, in any way
 * and at any point, leaves every variable (and {@code _}) as it was.
 */
@Timeout(300)
class BigQueryTest {
  private static final int OBJECTS = 1_000_000;

  @TempDir static Path folder;
  static HeapDump dump;
  static HeapShell shell;
  static Interpreter interpreter;

  @BeforeAll
  static void open() throws Exception {
    Path file = Files.write(folder.resolve("million.hprof"), ManyObjects.bytes(OBJECTS));
    dump = HeapDump.open(file, SmallHeap.options(folder));
    shell = HeapShell.create(dump, SmallHeap.options(folder));
    interpreter = shell.interpreter();
    Files.writeString(folder.resolve("not-a-dump.txt"), "hello");
  }

  @AfterAll
  static void close() throws Exception {
    shell.close();
    dump.close();
  }

  private static String run(String statements, ScriptResult expected) {
    StringWriter out = new StringWriter();
    StringWriter err = new StringWriter();
    ScriptResult result = ScriptRunner.of(interpreter, new PrintWriter(out), new PrintWriter(err)).run(Source.of("big", statements));
    assertThat(result).as(statements + "\n" + out + err).isEqualTo(expected);
    return out + err.toString();
  }

  @Test
  void aMillionRowsPrintAPageAndTheMoreFooter() {
    String page = run("h = hp.heap()\nh.byid", ScriptResult.SUCCESS);
    List<String> lines = page.lines().toList();
    assertThat(lines.size()).as(page).isBetween(10, 20);
    assertThat(page.length()).as("characters printed").isLessThan(4000);
    assertThat(lines.get(lines.size() - 1)).matches("<\\d+ more rows\\. Type e\\.g\\. '_\\.more' to view\\.>");
    long more = Long.parseLong(lines.get(lines.size() - 1).replaceAll("\\D", ""));
    assertThat(more).isGreaterThan(OBJECTS - 20);
    String next = run("_.more", ScriptResult.SUCCESS);
    assertThat(next.lines().count()).as(next).isBetween(10L, 20L);
    assertThat(next).contains("<" + (more - 10) + " more rows");
    String byType = run("h.bysize", ScriptResult.SUCCESS);
    assertThat(byType.length()).as(byType).isLessThan(4000);
  }

  @Test
  void aFailingStatementLeavesEveryVariableAsItWas() {
    run("h = hp.heap(); items = h & hp.Type('com.example.Item'); n = 7; t = 'text'; items.count", ScriptResult.SUCCESS);
    List<String> failing =
        List.of(
            "n = ", // syntax error: nothing runs
            "n = 1; t = 2 +", // syntax error after a good statement: nothing runs
            "n = h.nosuchattribute",
            "n = items.byid[" + (OBJECTS * 2) + "]",
            "n = items[0:3].theone",
            "n = hp.iso(0x1)", // an id not in the dump
            "n = hp.Type('no.such.Class').byrcs.more.more",
            "n = len(h) + 'x'",
            "n = 1 // 0",
            "n = hp.load('" + folder.resolve("missing.hprof") + "')",
            "n = hp.load('" + folder.resolve("not-a-dump.txt") + "')",
            "items = h & 3",
            "h.byrcs = 5");
    for (String statement : failing) {
      Map<String, ShellValue> before = interpreter.variables();
      String output = run(statement, ScriptResult.FAILURE);
      assertThat(output).as(statement).containsPattern("big:\\d+:\\d+: |big: ");
      assertThat(output).as(statement).doesNotContain("internal error", "Exception");
      assertThat(interpreter.variables()).as(statement).isEqualTo(before);
    }
  }
}
