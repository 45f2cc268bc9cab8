package org.hpq.shell.repl.internal;

import org.hpq.shell.lang.CompletionResult;
import org.hpq.shell.lang.IncompleteInputError;
import org.hpq.shell.lang.Interpreter;
import org.hpq.shell.lang.Source;
import org.hpq.shell.lang.SyntaxError;
import org.jline.reader.EOFError;
import org.jline.reader.ParsedLine;
import org.jline.reader.Parser;

/**
 * JLine parser: on Enter, throws {@link EOFError} for incomplete input so JLine shows the
 * continuation prompt; invalid input is accepted and reported when run. When completing, asks
 * the interpreter for completions once and keeps them in the {@link ParsedInput}.
 */
public final class ReplParser implements Parser {
  private final Interpreter interpreter;

  /** A parser for {@code interpreter}'s language. */
  public ReplParser(Interpreter interpreter) {
    this.interpreter = interpreter;
  }

  @Override
  public ParsedLine parse(String line, int cursor, ParseContext context) {
    if (context == ParseContext.ACCEPT_LINE) {
      try {
        interpreter.parse(Source.interactive(line));
      } catch (IncompleteInputError incomplete) {
        throw new EOFError(incomplete.line(), incomplete.column(), incomplete.detail());
      } catch (SyntaxError invalid) {
        // Accepted: the REPL reports it with line, column and caret.
      }
    }
    int position = Math.max(0, Math.min(cursor, line.length()));
    if (context == ParseContext.COMPLETE) {
      CompletionResult completions = interpreter.complete(line, position);
      int anchor = Math.max(0, Math.min(completions.anchor(), position));
      return new ParsedInput(line, position, anchor, completions);
    }
    return new ParsedInput(line, position, position, CompletionResult.none(position));
  }

  @Override
  public boolean isEscapeChar(char ch) {
    return false;
  }
}
