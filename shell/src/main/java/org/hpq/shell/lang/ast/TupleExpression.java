package org.hpq.shell.lang.ast;

import java.util.List;
import org.hpq.shell.lang.Position;

/** A tuple display {@code (a, b)}, {@code (a,)} or {@code ()}. */
public record TupleExpression(Position position, List<Expression> elements) implements Expression {
  /** Copies the list. */
  public TupleExpression {
    elements = List.copyOf(elements);
  }
}
