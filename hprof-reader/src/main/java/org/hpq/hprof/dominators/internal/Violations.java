package org.hpq.hprof.dominators.internal;

import java.util.ArrayList;
import java.util.List;

/** Collects up to a limit of violation messages and counts the rest. Not thread-safe. */
public final class Violations {
  private final int limit;
  private final List<String> messages = new ArrayList<>();
  private long count;

  public Violations(int limit) {
    this.limit = Math.max(1, limit);
  }

  public void add(String message) {
    if (count++ < limit) {
      messages.add(message);
    }
  }

  public long count() {
    return count;
  }

  /** The messages kept, plus one saying how many more there were, if any. */
  public List<String> result() {
    List<String> result = new ArrayList<>(messages);
    if (count > limit) {
      result.add("... and " + (count - limit) + " more violations");
    }
    return List.copyOf(result);
  }
}
