package org.hpq.equivalence;

import it.unimi.dsi.fastutil.ints.IntArrayList;
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
    // Members arrive in ascending order, so each class's list is sorted; a plain int list per
    // class is far cheaper than a set builder when there are many small classes.
    Long2ObjectOpenHashMap<IntArrayList> builders = new Long2ObjectOpenHashMap<>();
    Long2LongOpenHashMap sizes = new Long2LongOpenHashMap();
    long[] total = new long[1];
    int[] visited = new int[1];
    set.forEach(
        node -> {
          if ((++visited[0] & 0xFFFF) == 0) {
            heap.checkCancelled();
          }
          long key = relation.key(node);
          IntArrayList builder = builders.get(key);
          if (builder == null) {
            builder = new IntArrayList(4);
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
      IntArrayList members = entry.getValue();
      rows.add(new Row(key, relation.label(key), NodeSet.of(members.toIntArray()), sizes.get(key)));
    }
    rows.sort(
        (a, b) -> {
          int bySize = Long.compare(b.size(), a.size());
          return bySize != 0 ? bySize : relation.compareRows(a, b);
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
