package org.hpq.shell.lang.ast;

import org.hpq.shell.lang.Position;

/** {@code target?}: shows {@code help(target)}; the position is the target's. */
public record HelpStatement(Position position, Expression target) implements Statement {}
