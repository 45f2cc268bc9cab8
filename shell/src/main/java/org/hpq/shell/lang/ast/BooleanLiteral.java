package org.hpq.shell.lang.ast;

import org.hpq.shell.lang.Position;

/** {@code True} or {@code False}. */
public record BooleanLiteral(Position position, boolean value) implements Expression {}
