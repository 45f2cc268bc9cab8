package org.hpq.equivalence;

import it.unimi.dsi.fastutil.ints.IntArrayList;
import it.unimi.dsi.fastutil.longs.Long2LongOpenHashMap;
import it.unimi.dsi.fastutil.longs.Long2ObjectOpenHashMap;
import java.util.ArrayList;
import java.util.List;
import org.hpq.equivalence.internal.IdentityRows;
import org.hpq.setalgebra.NodeSet;

/**
 * A set partitioned by a relation: rows ordered by total size descending, then by the relation's
 * order of classes (labels), unless the relation orders its rows itself ({@link
 * Relation#ordersRowsBySize}). Immutable.
 *
 * <p>For the identity relation ({@code byid}) the rows are not built one set per object: the
 * members are sorted once (size descending, then index) and each row is made when asked for, so
 * showing the first page of a huge set costs one sort of primitive longs.
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

  /**
   * Partitions {@code set} by {@code relation}: one pass over the members, in index order.
   *
   * @throws java.util.concurrent.CancellationException if the thread is interrupted meanwhile
   */
  public static Partition of(Heap heap, NodeSet set, Relation relation) {
    if (relation.isIdentity()) {
      IdentityRows rows = IdentityRows.of(heap, set, relation);
      return new Partition(set, relation, rows, rows.totalSize());
    }
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
    boolean bySize = relation.ordersRowsBySize();
    rows.sort(
        (a, b) -> {
          int bySizeOrder = bySize ? Long.compare(b.size(), a.size()) : 0;
          return bySizeOrder != 0 ? bySizeOrder : relation.compareRows(a, b);
        });
    return new Partition(set, relation, List.copyOf(rows), total[0]);
  }

  public NodeSet set() {
    return set;
  }

  public Relation relation() {
    return relation;
  }

  /** The rows in display order; for the identity relation a lazy list (rows made on access). */
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
