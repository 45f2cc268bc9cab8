package org.hpq.shell.lang.ast;

import java.util.List;
import org.hpq.shell.lang.Position;

/** A comparison chain {@code a < b <= c}: each step compares the previous operand with its own; the position is the first operand's. */
public record ComparisonExpression(Position position, Expression first, List<ComparisonStep> steps) implements Expression {
  /** Copies the list. */
  public ComparisonExpression {
    steps = List.copyOf(steps);
  }
}
