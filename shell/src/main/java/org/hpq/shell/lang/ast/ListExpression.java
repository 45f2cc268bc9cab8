package org.hpq.shell.lang.ast;

import java.util.List;
import org.hpq.shell.lang.Position;

/** A list display {@code [a, b]}. */
public record ListExpression(Position position, List<Expression> elements) implements Expression {
  /** Copies the list. */
  public ListExpression {
    elements = List.copyOf(elements);
  }
}
