package org.hpq.shell.lang;

import java.util.List;

/** Completes a string argument being typed, e.g. class names for {@code hp.Type('java.u}. */
@FunctionalInterface
public interface StringArgumentCompleter {
  /** Never completes anything. */
  StringArgumentCompleter NONE = (slot, prefix) -> List.of();

  /** Whole string values starting with {@code prefix} for the argument at {@code slot}. */
  List<String> complete(ArgumentSlot slot, String prefix);
}
