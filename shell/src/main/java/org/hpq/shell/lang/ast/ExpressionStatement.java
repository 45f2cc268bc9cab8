package org.hpq.shell.lang.ast;

import org.hpq.shell.lang.Position;

/** An expression whose value is printed and stored in {@code _} (unless None). */
public record ExpressionStatement(Position position, Expression expression) implements Statement {}
