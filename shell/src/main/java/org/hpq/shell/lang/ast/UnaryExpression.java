package org.hpq.shell.lang.ast;

import org.hpq.shell.lang.UnaryOperator;
import org.hpq.shell.lang.Position;

/** {@code ~x}, {@code -x}, {@code +x}. */
public record UnaryExpression(Position position, UnaryOperator operator, Expression operand) implements Expression {}
