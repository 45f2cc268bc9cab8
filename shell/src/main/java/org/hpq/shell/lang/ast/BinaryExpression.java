package org.hpq.shell.lang.ast;

import org.hpq.shell.lang.BinaryOperator;
import org.hpq.shell.lang.Position;

/** {@code left OP right}; the position is the operator's. */
public record BinaryExpression(Position position, BinaryOperator operator, Expression left, Expression right) implements Expression {}
