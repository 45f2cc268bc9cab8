package org.hpq.shell.repl.internal;

import java.util.regex.Pattern;
import org.hpq.shell.lang.Interpreter;
import org.hpq.shell.lang.StyledSpan;
import org.jline.reader.Highlighter;
import org.jline.reader.LineReader;
import org.jline.utils.AttributedString;
import org.jline.utils.AttributedStringBuilder;
import org.jline.utils.AttributedStyle;

/** Colours strings, numbers, keywords, built-in names, comments and invalid text. */
public final class ReplHighlighter implements Highlighter {
  private final Interpreter interpreter;

  /** A highlighter using {@code interpreter}'s lexer and names. */
  public ReplHighlighter(Interpreter interpreter) {
    this.interpreter = interpreter;
  }

  @Override
  public AttributedString highlight(LineReader reader, String buffer) {
    AttributedStringBuilder text = new AttributedStringBuilder();
    int written = 0;
    for (StyledSpan span : interpreter.styles(buffer)) {
      text.append(buffer.substring(written, span.start()));
      text.styled(style(span), buffer.substring(span.start(), span.end()));
      written = span.end();
    }
    text.append(buffer.substring(written));
    return text.toAttributedString();
  }

  private static AttributedStyle style(StyledSpan span) {
    return switch (span.style()) {
      case STRING -> AttributedStyle.DEFAULT.foreground(AttributedStyle.GREEN);
      case NUMBER -> AttributedStyle.DEFAULT.foreground(AttributedStyle.CYAN);
      case KEYWORD -> AttributedStyle.BOLD.foreground(AttributedStyle.MAGENTA);
      case BUILTIN -> AttributedStyle.DEFAULT.foreground(AttributedStyle.YELLOW);
      case COMMENT -> AttributedStyle.DEFAULT.foreground(AttributedStyle.BRIGHT).italic();
      case ERROR -> AttributedStyle.DEFAULT.foreground(AttributedStyle.RED).underline();
      case NAME, OPERATOR -> AttributedStyle.DEFAULT;
    };
  }

  @Override
  public void setErrorPattern(Pattern errorPattern) {
    // Errors come from the lexer, not from a pattern.
  }

  @Override
  public void setErrorIndex(int errorIndex) {
    // Errors come from the lexer, not from an index.
  }
}
