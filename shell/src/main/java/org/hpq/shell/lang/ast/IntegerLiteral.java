package org.hpq.shell.lang.ast;

import org.hpq.shell.lang.Position;

/** An integer literal (already range-checked to 64 bits). */
public record IntegerLiteral(Position position, long value) implements Expression {}
