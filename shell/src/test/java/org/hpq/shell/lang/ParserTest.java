package org.hpq.shell.lang;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.List;
import org.hpq.shell.lang.ast.AssignmentStatement;
import org.hpq.shell.lang.ast.AstFormatter;
import org.hpq.shell.lang.ast.AttributeExpression;
import org.hpq.shell.lang.ast.BinaryExpression;
import org.hpq.shell.lang.ast.CallExpression;
import org.hpq.shell.lang.ast.ExpressionStatement;
import org.hpq.shell.lang.ast.HelpStatement;
import org.hpq.shell.lang.ast.Program;
import org.hpq.shell.lang.ast.Statement;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.api.Test;

class ParserTest {
  private static Program parse(String text) {
    return Interpreter.create().parse(Source.of("test.hpq", text));
  }

  private static String formatted(String text) {
    return String.join(" ; ", parse(text).statements().stream().map(AstFormatter::format).toList());
  }

  @ParameterizedTest(name = "{0}")
  @CsvSource(delimiterString = " => ", quoteCharacter = '`', textBlock = """
      a & b | c => ((a & b) | c)
      a | b & c => (a | (b & c))
      a ^ b | c ^ d => ((a ^ b) | (c ^ d))
      a & b ^ c => ((a & b) ^ c)
      a - b & c => ((a - b) & c)
      a - b - c => ((a - b) - c)
      ~a & ~b => ((~a) & (~b))
      ~~a => (~(~a))
      -x.count => (-x.count)
      1 + 2 * 3 => (1 + (2 * 3))
      7 // 2 % 3 => ((7 // 2) % 3)
      a <= b | c => (a <= (b | c))
      a < b <= c => (a < b <= c)
      x in h and not y not in h => ((x in h) and (not (y not in h)))
      a or b and c => (a or (b and c))
      not a == b => (not (a == b))
      (a | b) & c => ((a | b) & c)
      hp.heap().bytype[0].byrcs => hp.heap().bytype[0].byrcs
      h[2:5] => h[2:5]
      h[:3] => h[:3]
      h[-1] => h[(-1)]
      h[::2] => h[::2]
      h[1:] => h[1:]
      h[::-1] => h[::(-1)]
      hp.Clodo('byte[]', owner='java.lang.String') => hp.Clodo('byte[]', owner='java.lang.String')
      f() => f()
      f(a,) => f(a)
      [1, 2, 3] => [1, 2, 3]
      [] => []
      () => ()
      (1,) => (1,)
      (1, 2) => (1, 2)
      0x7f_ff => 32767
      -9223372036854775808 => -9223372036854775808
      True or None => (True or None)
      "a\\tb\\x41\\u00e9" => 'a\\tbAé'
      t = _ => t = _
      _ = 1 => _ = 1
      h.byrcs? => h.byrcs?
      a; b ; c => a ; b ; c
      a # comment => a
      a &\\n b => (a & b)
      f(a,\\n  b) => f(a, b)
      x = 1 \\\\\\n + 2 => x = (1 + 2)
      """)
  void formatsWithPythonPrecedence(String input, String expected) {
    String text = input.replace("\\n", "\n").replace("\\\\", "\\");
    assertThat(formatted(text)).as("input %s", input).isEqualTo(expected.replace("\\\\", "\\"));
  }

  @Test
  void recordsPositionsOfOperatorsAndNames() {
    List<Statement> statements = parse("x = 1\n  h.byrsc & hp.Type('a')?").statements();
    assertThat(statements.get(0)).isInstanceOf(AssignmentStatement.class);
    assertThat(statements.get(0).position()).isEqualTo(new Position(1, 1));
    HelpStatement help = (HelpStatement) statements.get(1);
    BinaryExpression binary = (BinaryExpression) help.target();
    assertThat(binary.position()).isEqualTo(new Position(2, 11));
    assertThat(((AttributeExpression) binary.left()).position()).isEqualTo(new Position(2, 5));
    assertThat(((CallExpression) binary.right()).position()).isEqualTo(new Position(2, 20));
    assertThat(statements).hasSize(2);
    assertThat(parse("a\n\n;;b\n").statements()).allMatch(statement -> statement instanceof ExpressionStatement).hasSize(2);
  }

  @ParameterizedTest(name = "{0}")
  @CsvSource(delimiterString = " => ", quoteCharacter = '`', textBlock = """
      a b => 1 => 3 => expected end of statement, found 'b'
      f(a=1, b) => 1 => 8 => positional argument follows keyword argument
      f(a=1, a=2) => 1 => 8 => keyword argument repeated: a
      x.y = 1 => 1 => 5 => cannot assign to this expression; only a name can be assigned ('t = _')
      (a] => 1 => 3 => closing ']' does not match '(' at 1:1
      a) => 1 => 2 => unmatched ')'
      'abc => 1 => 1 => unterminated string literal
      99999999999999999999 => 1 => 1 => integer literal too large for 64 bits: 99999999999999999999
      0xfffffffffffffffff => 1 => 1 => integer literal too large for 64 bits: 0xfffffffffffffffff
      12abc => 1 => 1 => invalid decimal literal '12abc'
      'a\\qb' => 1 => 3 => invalid escape sequence '\\q'
      a $ b => 1 => 3 => unexpected character '$'
      x = ) => 1 => 5 => unmatched ')'
      a.1 => 1 => 3 => expected an attribute name after '.', found '1'
      """)
  void reportsSyntaxErrorsWithPosition(String input, int line, int column, String message) {
    String text = input.replace("\\\\", "\\");
    assertThatThrownBy(() -> parse(text))
        .isInstanceOf(SyntaxError.class)
        .isNotInstanceOf(IncompleteInputError.class)
        .satisfies(error -> {
          SyntaxError syntax = (SyntaxError) error;
          assertThat(syntax.detail()).isEqualTo(message.replace("\\\\", "\\"));
          assertThat(syntax.line()).isEqualTo(line);
          assertThat(syntax.column()).isEqualTo(column);
        });
  }

  @Test
  void formatsErrorWithSourceLineAndCaret() {
    SyntaxError error = catchSyntax("x = 1\nh.bytype +* 2\n");
    assertThat(error.format(Source.of("script.hpq", "x = 1\nh.bytype +* 2\n")))
        .isEqualTo("script.hpq:2:11: expected an expression, found '*'\nh.bytype +* 2\n          ^");
  }

  @ParameterizedTest(name = "{0}")
  @CsvSource(delimiterString = " => ", quoteCharacter = '`', textBlock = """
      f(a, => COMPLETE_NOT
      hp.Type('x' => `'(' at 1:8 is not closed`
      [1, 2 => `'[' at 1:1 is not closed`
      a & => expected
      a |\\n b | => expected
      x = => expected
      not => expected
      h. => expected
      a \\\\ => line continues
      'abc\\\\ => string continues
      h[1: => `'[' at 1:2 is not closed`
      """)
  void detectsIncompleteInput(String input, String messageStart) {
    String text = input.strip().replace("\\n", "\n").replace("\\\\", "\\");
    assertThat(Interpreter.create().status(text)).as(text).isEqualTo(InputStatus.INCOMPLETE);
    if (!messageStart.equals("COMPLETE_NOT")) {
      assertThat(catchSyntax(text).detail()).startsWith(messageStart);
    }
  }

  @Test
  void classifiesInput() {
    Interpreter interpreter = Interpreter.create();
    assertThat(interpreter.status("  # only a comment\n")).isEqualTo(InputStatus.EMPTY);
    assertThat(interpreter.status("a & b")).isEqualTo(InputStatus.COMPLETE);
    assertThat(interpreter.status("a b")).isEqualTo(InputStatus.INVALID);
    assertThat(interpreter.status("f(a b")).isEqualTo(InputStatus.INVALID);
  }

  private static SyntaxError catchSyntax(String text) {
    try {
      parse(text);
    } catch (SyntaxError error) {
      return error;
    }
    throw new AssertionError("no syntax error for " + text);
  }
}
