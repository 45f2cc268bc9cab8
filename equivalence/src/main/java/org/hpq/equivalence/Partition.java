package org.hpq.equivalence;

import it.unimi.dsi.fastutil.ints.IntArrayList;
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
    return of(heap, set, relation, MAX_KEPT_CLASSES);
  }

  /** As {@link #of(Heap, NodeSet, Relation)}, keeping member lists for at most {@code maxKeptClasses}. */
  static Partition of(Heap heap, NodeSet set, Relation relation, int maxKeptClasses) {
    if (relation.isIdentity()) {
      IdentityRows rows = IdentityRows.of(heap, set, relation);
      return new Partition(set, relation, rows, rows.totalSize());
    }
    // Members arrive in ascending order, so each class's list is sorted; a plain int list per
    // class is far cheaper than a set builder when there are many small classes. Past
    // MAX_KEPT_CLASSES the lists are dropped and only counts and sizes are kept (rows then find
    // their members with one pass when asked), so a partition with millions of classes (byvia of
    // a huge array) stays within a small heap.
    Long2ObjectOpenHashMap<Accumulator> classes = new Long2ObjectOpenHashMap<>();
    long[] total = new long[1];
    int[] visited = new int[1];
    boolean[] keepMembers = {true};
    set.forEach(
        node -> {
          if ((++visited[0] & 0xFFFF) == 0) {
            heap.checkCancelled();
            if ((visited[0] & 0xFFFFF) == 0) {
              heap.progress().progress("by" + relation.name(), visited[0], set.count());
            }
          }
          long key = relation.key(node);
          Accumulator row = classes.get(key);
          if (row == null) {
            if (keepMembers[0] && classes.size() >= maxKeptClasses) {
              keepMembers[0] = false;
              for (Accumulator each : classes.values()) {
                each.members = null;
              }
            }
            row = new Accumulator(keepMembers[0]);
            classes.put(key, row);
          }
          if (row.members != null) {
            row.members.add(node);
          }
          row.count++;
          long shallow = heap.dump().shallowSize(node);
          row.size += shallow;
          total[0] += shallow;
        });
    boolean bySize = relation.ordersRowsBySize();
    if (keepMembers[0]) {
      List<Row> rows = new ArrayList<>(classes.size());
      for (var entry : classes.long2ObjectEntrySet()) {
        long key = entry.getLongKey();
        Accumulator row = entry.getValue();
        rows.add(Row.of(key, relation.label(key), NodeSet.of(row.members.toIntArray()), row.size));
      }
      rows.sort(
          (a, b) -> {
            int bySizeOrder = bySize ? Long.compare(b.size(), a.size()) : 0;
            return bySizeOrder != 0 ? bySizeOrder : relation.compareRows(a, b);
          });
      return new Partition(set, relation, List.copyOf(rows), total[0]);
    }
    return new Partition(set, relation, manyRows(set, relation, classes, bySize), total[0]);
  }

  /** Count, size and (while kept) members of one class during a partition pass. */
  private static final class Accumulator {
    IntArrayList members;
    long count;
    long size;

    Accumulator(boolean keepMembers) {
      members = keepMembers ? new IntArrayList(4) : null;
    }
  }

  /** Partitions with more classes than this keep counts and sizes only. */
  static final int MAX_KEPT_CLASSES = 200_000;

  /**
   * Rows of a partition with very many classes: ordered by size (descending) and then by class key
   * (the labels of millions of rows are not computed to sort them); labels and members are made
   * when a row is looked at.
   */
  private static List<Row> manyRows(
      NodeSet set, Relation relation, Long2ObjectOpenHashMap<Accumulator> classes, boolean bySize) {
    int n = classes.size();
    long[] keys = new long[n];
    long[] rowSizes = new long[n];
    long[] rowCounts = new long[n];
    int at = 0;
    for (var entry : classes.long2ObjectEntrySet()) {
      keys[at] = entry.getLongKey();
      rowSizes[at] = entry.getValue().size;
      rowCounts[at] = entry.getValue().count;
      at++;
    }
    classes.clear();
    int[] order = new int[n];
    for (int i = 0; i < n; i++) {
      order[i] = i;
    }
    it.unimi.dsi.fastutil.ints.IntArrays.quickSort(order, (a, b) -> {
      int bySizeOrder = bySize ? Long.compare(rowSizes[b], rowSizes[a]) : 0;
      return bySizeOrder != 0 ? bySizeOrder : Long.compare(keys[a], keys[b]);
    });
    return new java.util.AbstractList<Row>() {
      @Override
      public Row get(int index) {
        int i = order[index];
        long key = keys[i];
        return Row.lazy(key, rowCounts[i], rowSizes[i], relation::label, () -> {
          NodeSet.Builder members = NodeSet.builder();
          set.forEach(node -> {
            if (relation.key(node) == key) {
              members.add(node);
            }
          });
          return members.build();
        });
      }

      @Override
      public int size() {
        return n;
      }
    };
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
