package org.hpq.shell.lang.ast;

import java.util.List;
import org.hpq.shell.lang.Position;

/** {@code callee(positional..., name=value...)}; the position is the '(''s. */
public record CallExpression(Position position, Expression callee, List<Expression> positional, List<KeywordArgument> keywords) implements Expression {
  /** Copies the lists. */
  public CallExpression {
    positional = List.copyOf(positional);
    keywords = List.copyOf(keywords);
  }
}
