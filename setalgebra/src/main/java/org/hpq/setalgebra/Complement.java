package org.hpq.setalgebra;

import java.util.Objects;

/**
 * The nodes not in an atom, {@code ~hp.Size(24)}. In the normal form complements apply to atoms
 * only: {@link Kind#not()} pushes them down through unions and intersections (De Morgan).
 *
 * @param atom the complemented atom
 */
public record Complement(Atom atom) implements Kind {

  /** Checks that the atom is present. */
  public Complement {
    Objects.requireNonNull(atom, "atom");
  }

  /** Renders as {@code ~} and the atom. */
  @Override
  public String toString() {
    return "~" + atom;
  }
}
