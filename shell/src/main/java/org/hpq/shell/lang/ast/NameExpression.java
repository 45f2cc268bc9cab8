package org.hpq.shell.lang.ast;

import org.hpq.shell.lang.Position;

/** A name: a variable, {@code _}, or a built-in. */
public record NameExpression(Position position, String name) implements Expression {}
