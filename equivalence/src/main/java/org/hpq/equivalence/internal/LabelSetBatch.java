package org.hpq.equivalence.internal;

import it.unimi.dsi.fastutil.ints.IntArrayList;
import it.unimi.dsi.fastutil.longs.Long2IntOpenHashMap;
import java.util.Arrays;
import org.hpq.hprof.graph.Csr;

/**
 * Keys of a {@link ReferrerLabelRelation} for one worker of a pass. A single code that is not a
 * set id gets its final key at once; a set of codes gets a key local to this batch ({@link
 * #LOCAL} and an index into this batch's own table of sets), so workers share no table during
 * the pass: {@link ReferrerLabelRelation#settle} gives the sets their shared ids afterwards, new
 * ones in the order of the first object that has each. Not thread-safe.
 */
final class LabelSetBatch implements KeyBatch {
  /** Tags a batch-local key; never set in the relation's keys (table ids, single codes). */
  static final long LOCAL = 1L << 61;

  private final ReferrerLabelRelation relation;
  private final EdgeCoder coder;
  private final Csr inbound;
  private long[] codes = new long[16];
  private long[] offsets = new long[0];
  private boolean[] roots = new boolean[0];

  /** Objects with at least this many referrers have their edges coded in bulk. */
  private static final int MANY_EDGES = 256;

  /** Spans at most this many times longer than their member count are read in bulk. */
  private static final int DENSITY = 4;

  /** The sets, their codes one after the other in {@code pool} from {@code starts[i]}. */
  private final Long2IntOpenHashMap byHash = new Long2IntOpenHashMap();
  private long[] pool = new long[1024];
  private int pooled;
  private final IntArrayList starts = new IntArrayList();
  private final IntArrayList firstNodes = new IntArrayList();

  LabelSetBatch(ReferrerLabelRelation relation, EdgeCoder coder) {
    this.relation = relation;
    this.coder = coder;
    this.inbound = relation.heap.dump().inbound();
    byHash.defaultReturnValue(-1);
  }

  @Override
  public void keys(int[] nodes, int count, long[] keys) {
    if (count == 0) {
      return;
    }
    int first = nodes[0];
    int last = nodes[count - 1];
    long length = (long) last - first + 1;
    if (length > (long) count * DENSITY) {
      for (int i = 0; i < count; i++) {
        int node = nodes[i];
        keys[i] = key(node, inbound.start(node), inbound.end(node), relation.rootCodes(node));
      }
      return;
    }
    // A densely filled span: its edge offsets and root flags in bulk, and the coder told.
    int span = (int) length;
    if (offsets.length < span + 1) {
      offsets = new long[span + 1];
      roots = new boolean[span];
    }
    inbound.offsets().get(first, offsets, 0, span + 1);
    relation.heap.dump().rootFlags(first, roots, 0, span);
    coder.prepare(first, last, offsets[0], offsets[span]);
    for (int i = 0; i < count; i++) {
      int node = nodes[i];
      int at = node - first;
      keys[i] = key(node, offsets[at], offsets[at + 1], relation.rootCodes(node, roots[at]));
    }
  }

  /**
   * As {@link ReferrerLabelRelation#key}, with local keys for sets, for a node whose inbound
   * edges are at {@code start .. end - 1} and held by the roots of codes {@code roots} (or none).
   */
  private long key(int node, long start, long end, long[] roots) {
    int extra = roots == null ? 0 : roots.length;
    int edges = (int) Math.min(end - start, ReferrerLabelRelation.MAX_EDGES);
    if (edges == 1 && extra == 0) {
      long code = coder.code(start);
      if (code >= 0 && code < ReferrerLabelRelation.SINGLE) {
        return code | ReferrerLabelRelation.SINGLE;
      }
      codes[0] = code;
      return setKey(node, 1);
    }
    int needed = edges + extra;
    if (codes.length < needed) {
      codes = new long[Math.max(needed, codes.length * 2)];
    }
    int count = 0;
    if (edges >= MANY_EDGES) {
      coder.codes(start, edges, codes);
      count = edges;
    }
    for (long p = start + count; count < edges; p++) {
      codes[count++] = coder.code(p);
    }
    for (int r = 0; r < extra; r++) {
      codes[count++] = roots[r];
    }
    int kept = LabelSets.sortDistinct(codes, count);
    if (kept == 1 && codes[0] >= 0 && codes[0] < ReferrerLabelRelation.SINGLE) {
      return codes[0] | ReferrerLabelRelation.SINGLE;
    }
    return setKey(node, kept);
  }

  /** The local key of the set {@code codes[0..count)}, adding it to this batch's table if new. */
  private long setKey(int node, int count) {
    long hash = LabelSetTable.hash(codes, count);
    int known = byHash.get(hash);
    if (known >= 0 && sameCodes(known, count)) {
      return LOCAL | known;
    }
    int index = starts.size();
    if (pooled + count > pool.length) {
      pool = Arrays.copyOf(pool, Math.max(pooled + count, pool.length * 2));
    }
    System.arraycopy(codes, 0, pool, pooled, count);
    starts.add(pooled);
    pooled += count;
    firstNodes.add(node);
    if (known < 0) {
      // On a collision of hashes the later set is not indexed: each of its objects then makes a
      // new local entry, and all settle to the same id.
      byHash.put(hash, index);
    }
    return LOCAL | index;
  }

  private boolean sameCodes(int index, int count) {
    int from = starts.getInt(index);
    int to = index + 1 < starts.size() ? starts.getInt(index + 1) : pooled;
    return Arrays.equals(pool, from, to, codes, 0, count);
  }

  /** Number of local sets. */
  int localCount() {
    return starts.size();
  }

  /** The first object (in this batch's order) with local set {@code index}. */
  int firstNode(int index) {
    return firstNodes.getInt(index);
  }

  /** The array holding the codes of the local sets (valid until the batch adds more). */
  long[] pool() {
    return pool;
  }

  /** Where the codes of local set {@code index} start in {@link #pool}. */
  int from(int index) {
    return starts.getInt(index);
  }

  /** Where the codes of local set {@code index} end in {@link #pool}. */
  int to(int index) {
    return index + 1 < starts.size() ? starts.getInt(index + 1) : pooled;
  }
}
