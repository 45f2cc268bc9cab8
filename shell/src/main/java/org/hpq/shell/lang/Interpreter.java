package org.hpq.shell.lang;

import java.util.Map;
import java.util.Optional;
import java.util.SortedSet;
import java.util.function.Consumer;
import org.hpq.shell.lang.ast.Program;
import org.hpq.shell.lang.internal.Builtins;
import org.hpq.shell.lang.internal.CompletionEngine;
import org.hpq.shell.lang.internal.Environment;
import org.hpq.shell.lang.internal.Evaluator;
import org.hpq.shell.lang.internal.Lexer;
import org.hpq.shell.lang.internal.Parser;
import org.hpq.shell.lang.internal.Token;

/**
 * The language engine: one session's names, plus parsing, evaluation and completion. The REPL
 * and the script runner are clients of this class; the host adds its names with {@link
 * #define}.
 *
 * <pre>{@code
 * Interpreter interpreter = Interpreter.create();
 * interpreter.define("hp", heapValue);
 * interpreter.execute(Source.of("script.hpq", text), CancellationToken.create(), System.out::println);
 * }</pre>
 *
 * <p>Thread-safe: one evaluation at a time is expected, but completion and {@link #cancel} may
 * run on other threads while it runs.
 */
public final class Interpreter {
  /** The default time budget for evaluating a completion prefix. */
  public static final long DEFAULT_COMPLETION_TIMEOUT_MILLIS = 2000;

  private final Environment environment = new Environment();
  private final CompletionEngine completion;
  private volatile String hostOverview = "";

  private Interpreter(long completionTimeoutMillis) {
    Builtins.install(environment, this::overview);
    completion = new CompletionEngine(environment, completionTimeoutMillis);
  }

  /** A new session with the language's built-ins ({@code help len dir hex str}). */
  public static Interpreter create() {
    return new Interpreter(DEFAULT_COMPLETION_TIMEOUT_MILLIS);
  }

  /** A new session whose completion may spend {@code millis} evaluating a prefix. */
  public static Interpreter create(long completionTimeoutMillis) {
    return new Interpreter(completionTimeoutMillis);
  }

  /**
   * Defines a host name such as {@code hp}. User assignments may shadow it. Returns this.
   */
  public Interpreter define(String name, ShellValue value) {
    environment.defineBuiltin(name, value);
    return this;
  }

  /** Sets the host's paragraph of the {@code help()} overview. */
  public Interpreter setOverview(String text) {
    hostOverview = text;
    return this;
  }

  /** The value of a name in scope (variable, host name or built-in). */
  public Optional<ShellValue> lookup(String name) {
    return environment.lookup(name);
  }

  /** A sorted snapshot of the user's variables, {@code _} included once set. */
  public Map<String, ShellValue> variables() {
    return environment.variables();
  }

  /** Every name in scope, sorted. */
  public SortedSet<String> names() {
    return environment.names();
  }

  /**
   * Parses a source without running it.
   *
   * @throws SyntaxError when invalid ({@link IncompleteInputError} when more text could help)
   */
  public Program parse(Source source) {
    return Parser.parse(source);
  }

  /** Whether {@code text} is empty, complete, incomplete or invalid. */
  public InputStatus status(String text) {
    try {
      return Parser.parse(Source.interactive(text)).statements().isEmpty()
          ? InputStatus.EMPTY
          : InputStatus.COMPLETE;
    } catch (IncompleteInputError incomplete) {
      return InputStatus.INCOMPLETE;
    } catch (SyntaxError invalid) {
      return InputStatus.INVALID;
    }
  }

  /**
   * Parses then runs {@code source}. Each expression statement's value (except None) is stored
   * in {@code _} and passed to {@code output}; each help statement passes its help text. Stops at
   * the first failing statement, which changes no variable; earlier statements keep their
   * effects and output.
   *
   * @throws SyntaxError before running anything, when the source does not parse
   * @throws EvaluationError with the position of the failing node
   * @throws EvaluationCancelledException when {@code token} is cancelled
   */
  public void execute(Source source, CancellationToken token, Consumer<ShellValue> output) {
    execute(Parser.parse(source), token, output);
  }

  /** Runs an already parsed program; see {@link #execute(Source, CancellationToken, Consumer)}. */
  public void execute(Program program, CancellationToken token, Consumer<ShellValue> output) {
    new Evaluator(environment, token, false).execute(program, output);
  }

  /**
   * Cancels an evaluation started with {@code token}. Once this returns, that evaluation changes
   * no variable any more, even if host code ignores the cancellation for a while.
   */
  public void cancel(CancellationToken token) {
    environment.cancel(token);
  }

  /** Completions for {@code text} with the cursor at offset {@code cursor}; never throws. */
  public CompletionResult complete(String text, int cursor) {
    return completion.complete(text, cursor);
  }

  /**
   * Highlighting spans for {@code text}, in order, never overlapping; never throws. Names bound
   * to built-ins or host values are {@link TokenStyle#BUILTIN}.
   */
  public java.util.List<StyledSpan> styles(String text) {
    java.util.List<StyledSpan> spans = new java.util.ArrayList<>();
    Map<String, ShellValue> builtins = environment.builtins();
    for (Token token : Lexer.tokenizeLenient(text).tokens()) {
      TokenStyle style = switch (token.kind()) {
        case STRING -> token.terminated() ? TokenStyle.STRING : TokenStyle.ERROR;
        case INTEGER -> TokenStyle.NUMBER;
        case NAME -> builtins.containsKey(token.text()) ? TokenStyle.BUILTIN : TokenStyle.NAME;
        case COMMENT -> TokenStyle.COMMENT;
        case ERROR -> TokenStyle.ERROR;
        case NEWLINE, END -> null;
        default -> token.kind().isKeyword() ? TokenStyle.KEYWORD : TokenStyle.OPERATOR;
      };
      if (style != null && token.end() > token.start()) {
        spans.add(new StyledSpan(token.start(), token.end(), style));
      }
    }
    return spans;
  }

  /** The text of {@code help()}. */
  public String overview() {
    StringBuilder text = new StringBuilder();
    text.append("hpq: query Java heap dumps with set algebra, in the style of heapy.\n");
    if (!hostOverview.isEmpty()) {
      text.append('\n').append(hostOverview.strip()).append('\n');
    }
    text.append("""

        The language is a small part of Python: names, t = _ (the last value), attribute
        access x.name, calls f(a, key=b), x[i], x[i:j], operators & | ^ - ~ (set algebra),
        + * // % on integers, comparisons < <= == != >= > in, not in, and, or, not.
        Statements go on separate lines or are joined by ';'. # starts a comment.
        x? or help(x) documents x; dir(x) lists its attributes; TAB completes.
        """);
    text.append("\nNames:");
    Map<String, ShellValue> builtins = environment.builtins();
    int width = builtins.keySet().stream().mapToInt(String::length).max().orElse(0);
    builtins.forEach((name, value) -> {
      String help;
      try {
        help = value.help().lines().findFirst().orElse("");
      } catch (RuntimeException failure) {
        help = "";
      }
      text.append("\n  ").append(name).append(" ".repeat(width - name.length() + 2)).append(help);
    });
    return text.toString();
  }
}
