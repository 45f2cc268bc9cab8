package org.hpq.shell.repl;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.util.ArrayList;
import java.util.List;
import org.hpq.shell.lang.FakeHeapAccess;
import org.hpq.shell.lang.Interpreter;
import org.hpq.shell.lang.Source;
import org.junit.jupiter.api.Test;

class ScriptRunnerTest {
  private final Interpreter interpreter = new FakeHeapAccess().interpreter();
  private final StringWriter out = new StringWriter();
  private final StringWriter err = new StringWriter();

  private ScriptResult run(OutputMode mode, String name, String text) {
    return ScriptRunner.of(interpreter, new PrintWriter(out), new PrintWriter(err))
        .outputMode(mode)
        .run(Source.of(name, text));
  }

  @Test
  void printsEveryExpressionValueLikeTheRepl() {
    ScriptResult result = run(OutputMode.TEXT, "ok.hpq", """
        # a comment
        h = hp.heap()
        h.count; len('abc')
        None
        h[0:2]
        """);
    assertThat(result).isEqualTo(ScriptResult.SUCCESS);
    assertThat(result.exitCode()).isZero();
    assertThat(out.toString().lines().toList())
        .containsExactly("7", "3", "Set of 2 members.", "     0 0", "     1 1");
    assertThat(err.toString()).isEmpty();
  }

  @Test
  void stopsAtTheFirstErrorWithFileLineAndColumn() {
    ScriptResult result = run(OutputMode.TEXT, "script.hpq", "1\nx = hp.heap()\nx.byrsc\n2\n");
    assertThat(result).isEqualTo(ScriptResult.FAILURE);
    assertThat(result.exitCode()).isEqualTo(1);
    assertThat(out.toString().lines().toList()).containsExactly("1");
    assertThat(err.toString().lines().toList()).containsExactly(
        "script.hpq:3:3: 'NodeSet' object has no attribute 'byrsc'; did you mean 'byrcs'?",
        "x.byrsc",
        "  ^");
  }

  @Test
  void syntaxErrorRunsNothing() {
    ScriptResult result = run(OutputMode.TEXT, "-c", "1\n(2 +\n");
    assertThat(result).isEqualTo(ScriptResult.FAILURE);
    assertThat(out.toString()).isEmpty();
    assertThat(err.toString()).startsWith("-c:3:1: '(' at 2:1 is not closed");
  }

  @Test
  void jsonModePrintsOneDocumentPerLine() throws Exception {
    ScriptResult result = run(OutputMode.JSON, "j.hpq",
        "1 + 1; 'a\"b'; [1, (2, None), True]; help(len); hp.heap()\n");
    assertThat(result).isEqualTo(ScriptResult.SUCCESS);
    ObjectMapper mapper = new ObjectMapper();
    List<JsonNode> documents = new ArrayList<>();
    for (String line : out.toString().lines().toList()) {
      documents.add(mapper.readTree(line));
    }
    assertThat(documents).hasSize(5);
    assertThat(documents.get(0).asLong()).isEqualTo(2);
    assertThat(documents.get(1).asText()).isEqualTo("a\"b");
    assertThat(documents.get(2).toString()).isEqualTo("[1,[2,null],true]");
    assertThat(documents.get(3).get("help").asText()).startsWith("len(x): ");
    assertThat(documents.get(4).get("type").asText()).isEqualTo("NodeSet");
    assertThat(documents.get(4).get("text").asText()).startsWith("Set of 7 members.");
  }
}
