package org.hpq.equivalence.internal;

import it.unimi.dsi.fastutil.longs.Long2IntOpenHashMap;
import java.util.Arrays;
import java.util.HashMap;
import java.util.Map;

/**
 * Dense ids for sets of label codes, looked up from a scratch buffer without allocating: a
 * 64-bit hash of the sorted codes finds the candidate id, whose stored codes are compared (a
 * hash collision is looked up in a boxed map). The sets' codes lie one after another in one
 * array, so millions of sets (byvia of a big heap) cost no object each. Thread-safe.
 */
final class LabelSetTable {
  private final Long2IntOpenHashMap idByHash = new Long2IntOpenHashMap();
  private final Map<LabelSets.Key, Integer> collisions = new HashMap<>();
  /** The codes of set {@code id} are {@code pool[starts[id] .. starts[id + 1])}. */
  private long[] pool = new long[256];
  private int[] starts = new int[65];
  private int size;

  LabelSetTable() {
    idByHash.defaultReturnValue(-1);
  }

  /** The id of the set held in {@code codes[0..count)}, sorted and duplicate-free. */
  synchronized int id(long[] codes, int count) {
    return idLocked(codes, 0, count);
  }

  /**
   * The ids of {@code count} sets, set {@code i} being {@code pools[i][from[i] .. to[i])} (sorted,
   * duplicate-free); new ones numbered in the order given. One lock for all.
   */
  synchronized int[] ids(int count, long[][] pools, int[] from, int[] to) {
    idByHash.ensureCapacity(size + count);
    int[] ids = new int[count];
    for (int i = 0; i < count; i++) {
      ids[i] = idLocked(pools[i], from[i], to[i]);
    }
    return ids;
  }

  private int idLocked(long[] codes, int from, int to) {
    long hash = hash(codes, from, to);
    int id = idByHash.get(hash);
    if (id < 0) {
      id = add(codes, from, to);
      idByHash.put(hash, id);
      return id;
    }
    if (Arrays.equals(pool, starts[id], starts[id + 1], codes, from, to)) {
      return id;
    }
    LabelSets.Key key = new LabelSets.Key(Arrays.copyOfRange(codes, from, to));
    Integer other = collisions.get(key);
    if (other != null) {
      return other;
    }
    int added = add(codes, from, to);
    collisions.put(key, added);
    return added;
  }

  private int add(long[] codes, int from, int to) {
    int count = to - from;
    int used = starts[size];
    if (used + count > pool.length) {
      pool = Arrays.copyOf(pool, Math.max(used + count, (int) Math.min(Integer.MAX_VALUE - 16, pool.length * 2L)));
    }
    System.arraycopy(codes, from, pool, used, count);
    if (size + 2 > starts.length) {
      starts = Arrays.copyOf(starts, (int) Math.min(Integer.MAX_VALUE - 16, starts.length * 2L));
    }
    starts[size + 1] = used + count;
    return size++;
  }

  /** The codes of set {@code id}, in a new array. */
  synchronized long[] codes(int id) {
    if (id < 0 || id >= size) {
      throw new IndexOutOfBoundsException("no label set " + id + " of " + size);
    }
    return Arrays.copyOfRange(pool, starts[id], starts[id + 1]);
  }

  static long hash(long[] codes, int count) {
    return hash(codes, 0, count);
  }

  private static long hash(long[] codes, int from, int to) {
    long hash = 0x9E3779B97F4A7C15L ^ (to - from);
    for (int i = from; i < to; i++) {
      hash = (hash ^ codes[i]) * 0xBF58476D1CE4E5B9L;
      hash ^= hash >>> 31;
    }
    return hash;
  }
}
