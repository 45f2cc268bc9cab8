package org.hpq.shell.lang.ast;

import java.util.Optional;
import org.hpq.shell.lang.Position;

/** {@code target[start:stop:step]}, each bound optional; the position is the '[''s. */
public record SliceExpression(Position position, Expression target, Optional<Expression> start, Optional<Expression> stop, Optional<Expression> step) implements Expression {}
