package org.hpq.equivalence;

import it.unimi.dsi.fastutil.longs.Long2LongOpenHashMap;
import it.unimi.dsi.fastutil.longs.Long2ObjectOpenHashMap;
import java.util.ArrayList;
import java.util.List;
import org.hpq.setalgebra.NodeSet;

/**
 * A set partitioned by a relation: rows ordered by total size descending, then by the relation's
 * order of classes (labels). Immutable.
 */
public final class Partition {
  private final NodeSet set;
  private final Relation relation;
  private final List<Row> rows;
  private final long size;

  private Partition(NodeSet set, Relation relation, List<Row> rows, long size) {
    this.set = set;
    this.relation = relation;
    this.rows = rows;
    this.size = size;
  }

  /** Partitions {@code set} by {@code relation}: one pass over the members, in index order. */
  public static Partition of(Heap heap, NodeSet set, Relation relation) {
    Long2ObjectOpenHashMap<NodeSet.Builder> builders = new Long2ObjectOpenHashMap<>();
    Long2LongOpenHashMap sizes = new Long2LongOpenHashMap();
    long[] total = new long[1];
    int[] visited = new int[1];
    set.forEach(
        node -> {
          if ((++visited[0] & 0xFFFF) == 0) {
            heap.checkCancelled();
          }
          long key = relation.key(node);
          NodeSet.Builder builder = builders.get(key);
          if (builder == null) {
            builder = NodeSet.builder();
            builders.put(key, builder);
          }
          builder.add(node);
          long shallow = heap.dump().shallowSize(node);
          sizes.addTo(key, shallow);
          total[0] += shallow;
        });
    List<Row> rows = new ArrayList<>(builders.size());
    for (var entry : builders.long2ObjectEntrySet()) {
      long key = entry.getLongKey();
      rows.add(new Row(key, relation.label(key), entry.getValue().build(), sizes.get(key)));
    }
    rows.sort(
        (a, b) -> {
          int bySize = Long.compare(b.size(), a.size());
          return bySize != 0 ? bySize : relation.compareKeys(a.key(), b.key());
        });
    return new Partition(set, relation, List.copyOf(rows), total[0]);
  }

  public NodeSet set() {
    return set;
  }

  public Relation relation() {
    return relation;
  }

  public List<Row> rows() {
    return rows;
  }

  /** Number of objects partitioned. */
  public long count() {
    return set.count();
  }

  /** Total shallow size of the set in bytes. */
  public long size() {
    return size;
  }
}
