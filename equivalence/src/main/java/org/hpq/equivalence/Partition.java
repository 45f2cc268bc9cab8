package org.hpq.equivalence;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import org.hpq.equivalence.internal.ClassTally;
import org.hpq.equivalence.internal.IdentityRows;
import org.hpq.equivalence.internal.ManyRows;
import org.hpq.equivalence.internal.PartitionPass;
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
   * Partitions {@code set} by {@code relation}: one pass over the members, on every core for a
   * large set and a relation that computes keys in bulk (clodo, type, size, rcs, via).
   *
   * @throws java.util.concurrent.CancellationException if the thread is interrupted meanwhile
   */
  public static Partition of(Heap heap, NodeSet set, Relation relation) {
    return of(heap, set, relation, MAX_KEPT_CLASSES);
  }

  /** As {@link #of(Heap, NodeSet, Relation)}, keeping member lists for at most {@code maxKeptClasses}. */
  static Partition of(Heap heap, NodeSet set, Relation relation, int maxKeptClasses) {
    return of(heap, set, relation, maxKeptClasses, PartitionPass.defaultThreads(set), PartitionPass.DEFAULT_SPAN);
  }

  /**
   * As {@link #of(Heap, NodeSet, Relation, int)} on up to {@code threads} threads taking {@code
   * span} object indexes at a time (see {@link PartitionPass}); the result does not depend on
   * either.
   */
  static Partition of(Heap heap, NodeSet set, Relation relation, int maxKeptClasses, int threads, int span) {
    if (relation.isIdentity()) {
      IdentityRows rows = IdentityRows.of(heap, set, relation);
      return new Partition(set, relation, rows, rows.totalSize());
    }
    // Past maxKeptClasses the member lists are dropped and only counts and sizes are kept (rows
    // then find their members with one pass when asked), so a partition with millions of classes
    // (byvia of a huge array) stays within a small heap.
    ClassTally.Classes classes = PartitionPass.run(heap, set, relation, maxKeptClasses, threads, span).classes();
    long total = 0;
    for (long size : classes.sizes()) {
      total += size;
    }
    boolean bySize = relation.ordersRowsBySize();
    long[] keys = classes.keys();
    if (keys.length <= maxKeptClasses) {
      NodeSet[] members = classes.members() != null ? classes.members() : membersOf(set, relation, keys);
      List<Row> rows = new ArrayList<>(keys.length);
      for (int i = 0; i < keys.length; i++) {
        rows.add(Row.of(keys[i], relation.label(keys[i]), members[i], classes.sizes()[i]));
      }
      rows.sort(
          (a, b) -> {
            int bySizeOrder = bySize ? Long.compare(b.size(), a.size()) : 0;
            return bySizeOrder != 0 ? bySizeOrder : relation.compareRows(a, b);
          });
      return new Partition(set, relation, List.copyOf(rows), total);
    }
    return new Partition(set, relation, ManyRows.of(set, relation, classes, bySize), total);
  }

  /**
   * The members of each class of {@code keys} (ascending), by one pass: for the rare pass whose
   * workers dropped their member lists though the classes, once merged, are few enough to keep
   * (a worker counts a label set twice when two sets' hashes collide).
   */
  private static NodeSet[] membersOf(NodeSet set, Relation relation, long[] keys) {
    NodeSet.Builder[] builders = new NodeSet.Builder[keys.length];
    for (int i = 0; i < keys.length; i++) {
      builders[i] = NodeSet.builder();
    }
    set.forEach(node -> builders[Arrays.binarySearch(keys, relation.key(node))].add(node));
    NodeSet[] members = new NodeSet[keys.length];
    for (int i = 0; i < keys.length; i++) {
      members[i] = builders[i].build();
    }
    return members;
  }

  /** Partitions with more classes than this keep counts and sizes only. */
  static final int MAX_KEPT_CLASSES = 200_000;

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
