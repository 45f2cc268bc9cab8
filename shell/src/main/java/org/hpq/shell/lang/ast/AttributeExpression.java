package org.hpq.shell.lang.ast;

import org.hpq.shell.lang.Position;

/** {@code target.name}; the position is the name's. */
public record AttributeExpression(Position position, Expression target, String name) implements Expression {}
