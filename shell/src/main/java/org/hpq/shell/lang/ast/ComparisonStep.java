package org.hpq.shell.lang.ast;

import org.hpq.shell.lang.ComparisonOperator;
import org.hpq.shell.lang.Position;

/** One step {@code OP right} of a comparison chain; the position is the operator's. */
public record ComparisonStep(Position position, ComparisonOperator operator, Expression right) implements Node {}
