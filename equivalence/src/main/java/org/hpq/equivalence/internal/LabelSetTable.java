package org.hpq.equivalence.internal;

import it.unimi.dsi.fastutil.longs.Long2IntOpenHashMap;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * Dense ids for sets of label codes, looked up from a scratch buffer without allocating: a
 * 64-bit hash of the sorted codes finds the candidate id, whose stored codes are compared;
 * only a new set (or a hash collision, looked up in a boxed map) allocates. Thread-safe.
 */
final class LabelSetTable {
  private final Long2IntOpenHashMap idByHash = new Long2IntOpenHashMap();
  private final Map<LabelSets.Key, Integer> collisions = new HashMap<>();
  private final List<long[]> values = new ArrayList<>();

  LabelSetTable() {
    idByHash.defaultReturnValue(-1);
  }

  /** The id of the set held in {@code codes[0..count)}, sorted and duplicate-free. */
  synchronized int id(long[] codes, int count) {
    long hash = hash(codes, count);
    int id = idByHash.get(hash);
    if (id >= 0) {
      long[] known = values.get(id);
      if (Arrays.equals(known, 0, known.length, codes, 0, count)) {
        return id;
      }
      LabelSets.Key key = new LabelSets.Key(Arrays.copyOf(codes, count));
      Integer other = collisions.get(key);
      if (other != null) {
        return other;
      }
      int added = add(key.codes());
      collisions.put(key, added);
      return added;
    }
    int added = add(Arrays.copyOf(codes, count));
    idByHash.put(hash, added);
    return added;
  }

  private int add(long[] codes) {
    values.add(codes);
    return values.size() - 1;
  }

  /** The codes of set {@code id} (not to be modified). */
  synchronized long[] codes(int id) {
    return values.get(id);
  }

  static long hash(long[] codes, int count) {
    long hash = 0x9E3779B97F4A7C15L ^ count;
    for (int i = 0; i < count; i++) {
      hash = (hash ^ codes[i]) * 0xBF58476D1CE4E5B9L;
      hash ^= hash >>> 31;
    }
    return hash;
  }
}
