package org.hpq.shell.lang.ast;

import org.hpq.shell.lang.Position;

/** {@code name = value}; binds only if the value is computed without error. */
public record AssignmentStatement(Position position, String name, Expression value) implements Statement {}
