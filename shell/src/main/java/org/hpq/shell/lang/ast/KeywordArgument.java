package org.hpq.shell.lang.ast;

import org.hpq.shell.lang.Position;

/** A keyword argument {@code name=value} of a call. */
public record KeywordArgument(Position position, String name, Expression value) implements Node {}
