package org.hpq.equivalence.internal;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/** Gives equal values one dense int id, and back. Thread-safe. */
public final class Interner<T> {
  private final Map<T, Integer> ids = new HashMap<>();
  private final List<T> values = new ArrayList<>();

  public synchronized int id(T value) {
    Integer id = ids.get(value);
    if (id == null) {
      id = values.size();
      values.add(value);
      ids.put(value, id);
    }
    return id;
  }

  /** The id of {@code value}, or -1 when it was never interned. */
  public synchronized int idOrMinus1(T value) {
    Integer id = ids.get(value);
    return id == null ? -1 : id;
  }

  public synchronized T value(int id) {
    return values.get(id);
  }

  public synchronized int size() {
    return values.size();
  }
}
