package org.hpq.shell.lang;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import org.hpq.shell.lang.value.HelpText;
import org.hpq.shell.lang.value.IntValue;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class EvaluatorTest {
  private final FakeHeap hp = new FakeHeap();
  private final Interpreter interpreter = Interpreter.create().define("hp", hp);

  /** Runs {@code text} and returns the repr of every printed value, joined by " ; ". */
  private String run(String text) {
    List<String> printed = new ArrayList<>();
    interpreter.execute(Source.of("test.hpq", text), CancellationToken.create(), value -> printed.add(value.repr()));
    return String.join(" ; ", printed);
  }

  private EvaluationError failure(String text) {
    try {
      run(text);
    } catch (EvaluationError error) {
      return error;
    }
    throw new AssertionError("no error for " + text);
  }

  @ParameterizedTest(name = "{0}")
  @CsvSource(delimiterString = " => ", quoteCharacter = '`', textBlock = """
      1 + 2 * 3 => 7
      -7 // 2; -7 % 3; 7 % -3 => -4 ; 2 ; -2
      0x10 | 1; 6 & 3; 6 ^ 3; ~0 => 17 ; 2 ; 5 ; -1
      1 < 2 < 3; 1 < 3 < 2; 2 == 2; 'a' != 'b' => True ; False ; True ; True
      'ab' + 'c'; 'ab' * 2; 2 * 'x'; len('hello') => 'abc' ; 'abab' ; 'xx' ; 5
      'ell' in 'hello'; 3 not in [1, 2]; [1, 2][-1]; (1, 2, 3)[1:] => True ; True ; 2 ; (2, 3)
      'hello'[1:4]; 'hello'[::-1]; 'hello'[-1] => 'ell' ; 'olleh' ; 'o'
      None; 0 or 'x'; 1 and 0; not None => 'x' ; 0 ; True
      hex(255); str(12); "it's"; 'a\\nb' => '0xff' ; '12' ; "it's" ; 'a\\nb'
      h = hp.heap(); h & ~h; h.count => <set > ; 7
      hp.heap() - hp.Type('java.lang.String') => <set 2 3 4 5 6>
      hp.heap() ^ hp.Type('java.util.ArrayList') => <set 0 1 2 3 4 5 7>
      hp.Type('java.util.HashMap') | hp.Type('java.util.HashSet') => <set 2 3 4 5>
      ~hp.heap() & hp.Type('java.util.ArrayList') => <set 7>
      hp.heap()[0]; hp.heap()[-1]; hp.heap()[2:5]; len(hp.heap()) => <set 0> ; <set 6> ; <set 2 3 4> ; 7
      hp.Type('java.util.HashMap') <= hp.heap(); hp.heap() < hp.heap(); 3 in hp.heap() => True ; False ; True
      hp.heap().bytype.by('Size').count => 7
      hp.heap().disjoint(hp.Nothing) => True
      x = 5; x; _ + 1; _ => 5 ; 6 ; 6
      t = 1; _ = 40; _ + 2 => 42
      dir(hp.Nothing)[0:3] => ['brief', 'by', 'byclodo']
      """)
  void evaluates(String text, String expected) {
    assertThat(run(text.replace("\\\\", "\\"))).as(text).isEqualTo(expected.replace("\\\\", "\\"));
  }

  @Test
  void unknownAttributeSuggestsClosestNames() {
    EvaluationError error = failure("h = hp.heap()\nh.byrsc");
    assertThat(error.detail()).isEqualTo("'NodeSet' object has no attribute 'byrsc'; did you mean 'byrcs'?");
    assertThat(error.position()).contains(new Position(2, 3));
    assertThat(failure("hp.heap().bytpe").detail()).endsWith("did you mean 'bytype'?");
    assertThat(failure("hp.heap().zzzzzzz").detail()).isEqualTo("'NodeSet' object has no attribute 'zzzzzzz'");
  }

  @Test
  void unknownNameSuggestsClosestNames() {
    assertThat(failure("hq.heap()").detail()).isEqualTo("name 'hq' is not defined; did you mean 'hp'?");
    assertThat(failure("lne('x')").detail()).isEqualTo("name 'lne' is not defined; did you mean 'len'?");
    assertThat(failure("_").detail()).startsWith("name '_' is not defined yet");
  }

  @Test
  void errorsCarryThePositionOfTheFailingNode() {
    String text = "a = 1\nb = a +  'x'\n";
    EvaluationError error = failure(text);
    assertThat(error.format(Source.of("s.hpq", text)))
        .isEqualTo("s.hpq:2:7: unsupported operand type(s) for +: 'int' and 'str'\nb = a +  'x'\n      ^");
    assertThat(failure("hp.Type('nope')").position()).contains(new Position(1, 8));
    assertThat(failure("hp.Type('nope')").detail()).isEqualTo("no class named 'nope'");
    assertThat(failure("[1][5]").detail()).isEqualTo("list index 5 out of range (1 element)");
    assertThat(failure("9223372036854775807 + 1").detail()).startsWith("integer overflow");
    assertThat(failure("1 // 0").detail()).isEqualTo("integer division by zero");
    assertThat(failure("len(1)").detail()).isEqualTo("object of type 'int' has no len()");
    assertThat(failure("hp.heap().by()").detail()).isEqualTo("by() takes 1 positional argument but 0 were given");
    assertThat(failure("hp.heap().by(1)").detail()).isEqualTo("argument 1 must be a string, not 'int'");
    assertThat(failure("1 < 'a'").detail()).isEqualTo("'<' not supported between instances of 'int' and 'str'");
    assertThat(failure("~'a'").detail()).isEqualTo("bad operand type for unary ~: 'str'");
    assertThat(failure("1(2)").detail()).isEqualTo("'int' object is not callable");
    assertThat(failure("hp[0]").detail()).isEqualTo("'Heap' object is not subscriptable");
  }

  @Test
  void failingStatementChangesNoVariable() {
    run("x = 1; y = 2; x");
    assertThat(interpreter.variables()).containsKeys("x", "y", "_");
    assertThatThrownBy(() -> run("x = 10; y = x + hp.nope; z = 3")).isInstanceOf(EvaluationError.class);
    // The first statement ran; the failing one changed nothing; the rest did not run.
    assertThat(interpreter.lookup("x")).contains(IntValue.of(10));
    assertThat(interpreter.lookup("y")).contains(IntValue.of(2));
    assertThat(interpreter.lookup("z")).isEmpty();
    assertThat(interpreter.lookup("_")).contains(IntValue.of(1));
  }

  @Test
  void syntaxErrorRunsNothing() {
    assertThatThrownBy(() -> run("x = 1\ny = (")).isInstanceOf(IncompleteInputError.class);
    assertThat(interpreter.lookup("x")).isEmpty();
  }

  @Test
  void helpStatementAndHelpFunction() {
    List<ShellValue> printed = new ArrayList<>();
    interpreter.execute(Source.interactive("hp.heap()?"), CancellationToken.create(), printed::add);
    assertThat(printed).singleElement().isInstanceOf(HelpText.class);
    String help = ((HelpText) printed.get(0)).text();
    assertThat(help).startsWith("NodeSet: a toy set of integers").contains("  byrcs    partition by referrer kinds")
        .containsPattern("\\n  by\\(relation\\) +partition by a relation");
    assertThat(interpreter.lookup("_")).isEmpty();
    assertThat(run("help(hp.heap().by)")).isEqualTo("NodeSet.by(relation): partition by a relation");
    assertThat(run("help()")).contains("Names:", "  hp ", "Heap: the toy heap (hp)", "len(x)");
  }

  @Test
  void userNamesShadowBuiltinsAndHostNames() {
    assertThat(run("len = 3; len + 1")).isEqualTo("4");
    assertThat(run("hp = 1; hp")).isEqualTo("1");
  }

  @Test
  void cancellationStopsALongHostCallAndKeepsTheSession() throws Exception {
    run("x = 1");
    CancellationToken token = CancellationToken.create();
    ExecutorService worker = Executors.newSingleThreadExecutor();
    try {
      Future<?> running = worker.submit(() ->
          interpreter.execute(Source.interactive("x = hp.slow()"), token, value -> {}));
      assertThat(hp.slowStarted.await(10, TimeUnit.SECONDS)).isTrue();
      interpreter.cancel(token);
      assertThatThrownBy(() -> running.get(10, TimeUnit.SECONDS))
          .hasCauseInstanceOf(EvaluationCancelledException.class);
    } finally {
      worker.shutdownNow();
    }
    assertThat(interpreter.lookup("x")).contains(IntValue.of(1));
    assertThat(run("x + 1")).isEqualTo("2");
  }

  @Test
  void interruptCancelsAtTheNextStep() throws Exception {
    Thread.currentThread().interrupt();
    try {
      assertThatThrownBy(() -> run("1 + 2")).isInstanceOf(EvaluationCancelledException.class);
    } finally {
      Thread.interrupted();
    }
  }
}
