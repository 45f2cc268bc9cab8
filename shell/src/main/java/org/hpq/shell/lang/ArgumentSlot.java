package org.hpq.shell.lang;

import java.util.Optional;

/**
 * Which argument of a call is being typed: the 0-based position among positional arguments, or
 * the keyword name.
 *
 * @param position the 0-based positional index (meaningless when {@code keyword} is present)
 * @param keyword the keyword, for {@code name=...} arguments
 */
public record ArgumentSlot(int position, Optional<String> keyword) {
  /** The positional argument at {@code position}. */
  public static ArgumentSlot positional(int position) {
    return new ArgumentSlot(position, Optional.empty());
  }

  /** The keyword argument {@code name}. */
  public static ArgumentSlot keyword(String name) {
    return new ArgumentSlot(-1, Optional.of(name));
  }
}
