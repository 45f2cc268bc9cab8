package org.hpq.shell.lang.ast;

import java.util.List;
import org.hpq.shell.lang.Source;

/**
 * A parsed source: its statements in order.
 *
 * @param source the text it came from
 * @param statements the statements
 */
public record Program(Source source, List<Statement> statements) {
  /** Copies the list. */
  public Program {
    statements = List.copyOf(statements);
  }
}
