package org.hpq.shell.lang.ast;

import org.hpq.shell.lang.Position;

/** {@code not x}. */
public record NotExpression(Position position, Expression operand) implements Expression {}
