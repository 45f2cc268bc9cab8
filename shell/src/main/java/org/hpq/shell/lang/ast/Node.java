package org.hpq.shell.lang.ast;

import org.hpq.shell.lang.Position;

/** Every syntax node has a position: where its operator, or else its first token, starts. */
public interface Node {
  /** The position errors about this node point at. */
  Position position();
}
