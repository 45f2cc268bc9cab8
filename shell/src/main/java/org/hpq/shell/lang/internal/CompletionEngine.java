package org.hpq.shell.lang.internal;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.TreeSet;
import org.hpq.shell.lang.ArgumentSlot;
import org.hpq.shell.lang.Attribute;
import org.hpq.shell.lang.CancellationToken;
import org.hpq.shell.lang.CompletionCandidate;
import org.hpq.shell.lang.CompletionResult;
import org.hpq.shell.lang.Method;
import org.hpq.shell.lang.ShellValue;
import org.hpq.shell.lang.ast.Expression;

/**
 * Tab completion: attribute names after {@code expr.} (evaluating {@code expr} when it is free of
 * side effects), names in scope and keywords, and string arguments through the callee's {@link
 * ShellValue#completeStringArgument}. Never throws: anything that fails gives no candidates.
 */
public final class CompletionEngine {
  private static final Set<String> KEYWORDS = Set.of("True", "False", "None", "and", "or", "not", "in");

  private final Environment environment;
  private final long timeoutMillis;

  /** An engine over {@code environment}; evaluating a prefix may take {@code timeoutMillis}. */
  public CompletionEngine(Environment environment, long timeoutMillis) {
    this.environment = environment;
    this.timeoutMillis = timeoutMillis;
  }

  /** Completions for {@code text} with the cursor at {@code cursor}. */
  public CompletionResult complete(String text, int cursor) {
    try {
      return completeOrFail(text.substring(0, Math.max(0, Math.min(cursor, text.length()))));
    } catch (RuntimeException | StackOverflowError failure) {
      return CompletionResult.none(cursor);
    }
  }

  private CompletionResult completeOrFail(String prefix) {
    List<Token> tokens = new ArrayList<>(Lexer.tokenizeLenient(prefix).tokens());
    tokens.remove(tokens.size() - 1); // END
    int cursor = prefix.length();
    Token last = tokens.isEmpty() ? null : tokens.get(tokens.size() - 1);
    if (last != null && last.end() == cursor) {
      if (last.kind() == TokenKind.STRING && !last.terminated()) {
        return completeString(prefix, tokens, last);
      }
      if (last.kind() == TokenKind.COMMENT || last.kind() == TokenKind.STRING
          || last.kind() == TokenKind.INTEGER || last.kind() == TokenKind.ERROR) {
        return CompletionResult.none(cursor);
      }
    }
    String fragment = "";
    int anchor = cursor;
    int before = tokens.size() - 1;
    if (last != null && last.end() == cursor && (last.kind() == TokenKind.NAME || last.kind().isKeyword())) {
      fragment = last.text();
      anchor = last.start();
      before--;
    }
    if (before >= 0 && tokens.get(before).kind() == TokenKind.DOT) {
      return completeAttribute(prefix, tokens, before, fragment, anchor);
    }
    return completeName(fragment, anchor);
  }

  private CompletionResult completeName(String fragment, int anchor) {
    TreeSet<String> names = new TreeSet<>();
    for (String name : environment.names()) {
      if (name.startsWith(fragment)) {
        names.add(name);
      }
    }
    List<CompletionCandidate> candidates = new ArrayList<>();
    for (String name : names) {
      String summary = environment.lookup(name).map(CompletionEngine::firstLine).orElse("");
      candidates.add(new CompletionCandidate(name, CompletionCandidate.Kind.NAME, summary));
    }
    if (!fragment.isEmpty()) {
      KEYWORDS.stream().filter(keyword -> keyword.startsWith(fragment)).sorted()
          .forEach(keyword -> candidates.add(new CompletionCandidate(keyword, CompletionCandidate.Kind.KEYWORD, "")));
    }
    return new CompletionResult(anchor, candidates);
  }

  private static String firstLine(ShellValue value) {
    String help;
    try {
      help = value.help();
    } catch (RuntimeException failure) {
      return "";
    }
    int newline = help.indexOf('\n');
    return newline < 0 ? help : help.substring(0, newline);
  }

  private CompletionResult completeAttribute(
      String prefix, List<Token> tokens, int dotIndex, String fragment, int anchor) {
    Optional<ShellValue> target = evaluateChain(prefix, tokens, dotIndex);
    if (target.isEmpty()) {
      return CompletionResult.none(prefix.length());
    }
    ShellValue value = target.get();
    List<CompletionCandidate> candidates = new ArrayList<>();
    for (String name : value.attributeNames()) {
      if (!name.startsWith(fragment)) {
        continue;
      }
      Optional<? extends Attribute<?>> attribute = value.type().findAttribute(name);
      boolean method = attribute.isPresent() && attribute.get() instanceof Method<?>;
      candidates.add(new CompletionCandidate(
          name,
          method ? CompletionCandidate.Kind.METHOD : CompletionCandidate.Kind.ATTRIBUTE,
          attribute.map(Attribute::summary).orElse("")));
    }
    return new CompletionResult(anchor, candidates);
  }

  private CompletionResult completeString(String text, List<Token> tokens, Token string) {
    int anchor = string.start() + 1;
    int index = tokens.size() - 2;
    Optional<String> keyword = Optional.empty();
    if (index >= 1 && tokens.get(index).kind() == TokenKind.ASSIGN && tokens.get(index - 1).kind() == TokenKind.NAME) {
      keyword = Optional.of(tokens.get(index - 1).text());
      index -= 2;
    }
    // Walk back to the '(' of the call, counting the commas at its depth.
    int depth = 0;
    int commas = 0;
    while (index >= 0) {
      TokenKind kind = tokens.get(index).kind();
      if (kind == TokenKind.RIGHT_PAREN || kind == TokenKind.RIGHT_BRACKET) {
        depth++;
      } else if (kind == TokenKind.LEFT_PAREN || kind == TokenKind.LEFT_BRACKET) {
        if (depth == 0) {
          break;
        }
        depth--;
      } else if (kind == TokenKind.COMMA && depth == 0) {
        commas++;
      }
      index--;
    }
    if (index < 1 || tokens.get(index).kind() != TokenKind.LEFT_PAREN) {
      return CompletionResult.none(string.end());
    }
    Optional<ShellValue> callee = evaluateChain(text, tokens, index);
    if (callee.isEmpty()) {
      return CompletionResult.none(string.end());
    }
    ArgumentSlot slot = keyword.map(ArgumentSlot::keyword).orElse(ArgumentSlot.positional(commas));
    String typed = string.stringValue();
    char quote = string.text().charAt(0);
    List<CompletionCandidate> candidates = new ArrayList<>();
    for (String value : new TreeSet<>(callee.get().completeStringArgument(slot, typed))) {
      if (value.startsWith(typed) && value.indexOf(quote) < 0 && value.indexOf('\\') < 0) {
        // The closing quote is part of the completion, so accepting it finishes the literal.
        candidates.add(new CompletionCandidate(value + quote, CompletionCandidate.Kind.STRING, ""));
      }
    }
    return new CompletionResult(anchor, candidates);
  }

  /**
   * Evaluates the postfix chain (names, attributes, calls, subscripts) that ends just before
   * {@code tokens[endExclusive]}, without side effects; empty if that is not possible.
   */
  private Optional<ShellValue> evaluateChain(String prefix, List<Token> tokens, int endExclusive) {
    int start = chainStart(tokens, endExclusive);
    if (start < 0) {
      return Optional.empty();
    }
    String text = prefix.substring(tokens.get(start).start(), tokens.get(endExclusive).start());
    Expression expression = Parser.parseExpression(text);
    Evaluator evaluator = new Evaluator(environment, CancellationToken.withTimeoutMillis(timeoutMillis), true);
    return Optional.of(evaluator.evaluateBound(expression));
  }

  /** The index of the first token of the chain ending before {@code endExclusive}, or -1. */
  static int chainStart(List<Token> tokens, int endExclusive) {
    int index = endExclusive - 1;
    while (index >= 0) {
      Token token = tokens.get(index);
      TokenKind kind = token.kind();
      int start;
      if (kind == TokenKind.RIGHT_PAREN || kind == TokenKind.RIGHT_BRACKET) {
        int open = matchingOpen(tokens, index);
        if (open < 0) {
          return -1;
        }
        if (open > 0 && endsOperand(tokens.get(open - 1).kind())) {
          index = open - 1; // a call or subscript: continue with its target
          continue;
        }
        start = open; // a parenthesized expression or a list display
      } else if (kind == TokenKind.NAME || kind == TokenKind.STRING || kind == TokenKind.INTEGER
          || kind == TokenKind.TRUE || kind == TokenKind.FALSE || kind == TokenKind.NONE) {
        start = index;
      } else {
        return -1;
      }
      if (start >= 2 && tokens.get(start - 1).kind() == TokenKind.DOT) {
        index = start - 2;
        continue;
      }
      return start;
    }
    return -1;
  }

  private static boolean endsOperand(TokenKind kind) {
    return kind == TokenKind.NAME || kind == TokenKind.RIGHT_PAREN || kind == TokenKind.RIGHT_BRACKET
        || kind == TokenKind.STRING;
  }

  private static int matchingOpen(List<Token> tokens, int closeIndex) {
    int depth = 0;
    for (int index = closeIndex; index >= 0; index--) {
      TokenKind kind = tokens.get(index).kind();
      if (kind == TokenKind.RIGHT_PAREN || kind == TokenKind.RIGHT_BRACKET) {
        depth++;
      } else if (kind == TokenKind.LEFT_PAREN || kind == TokenKind.LEFT_BRACKET) {
        depth--;
        if (depth == 0) {
          return index;
        }
      }
    }
    return -1;
  }
}
