package org.hpq.shell.lang.ast;

import org.hpq.shell.lang.Position;

/** {@code None}. */
public record NoneLiteral(Position position) implements Expression {}
