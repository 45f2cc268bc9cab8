package org.hpq.shell.lang.ast;

import org.hpq.shell.lang.Position;

/** A string literal with escapes resolved. */
public record StringLiteral(Position position, String value) implements Expression {}
