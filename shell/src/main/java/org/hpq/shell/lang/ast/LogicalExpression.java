package org.hpq.shell.lang.ast;

import org.hpq.shell.lang.Position;

/** {@code left and right}, {@code left or right} (short-circuit); the position is the operator's. */
public record LogicalExpression(Position position, LogicalOperator operator, Expression left, Expression right) implements Expression {}
