package org.hpq.shell.lang.ast;

import org.hpq.shell.lang.Position;

/** {@code target[index]}; the position is the '[''s. */
public record IndexExpression(Position position, Expression target, Expression index) implements Expression {}
