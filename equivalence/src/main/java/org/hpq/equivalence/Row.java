package org.hpq.equivalence;

import java.util.function.LongFunction;
import java.util.function.Supplier;
import org.hpq.setalgebra.NodeSet;

/**
 * One row of a partition: a class of the relation, how many members of the set it holds and
 * their size. The label and the member set may be computed on first use (partitions with very
 * many classes keep only counts and sizes until a row is looked at). Thread-safe.
 */
public final class Row {
  private final long key;
  private final long count;
  private final long size;
  private final LongFunction<String> labeller;
  private final Supplier<NodeSet> membersSupplier;
  private volatile String label;
  private volatile NodeSet members;

  private Row(long key, long count, long size, String label, LongFunction<String> labeller,
      NodeSet members, Supplier<NodeSet> membersSupplier) {
    this.key = key;
    this.count = count;
    this.size = size;
    this.label = label;
    this.labeller = labeller;
    this.members = members;
    this.membersSupplier = membersSupplier;
  }

  /** A row whose label and members are known. */
  public static Row of(long key, String label, NodeSet members, long size) {
    return new Row(key, members.count(), size, label, null, members, null);
  }

  /** A row whose label and members are computed when first asked for. */
  public static Row lazy(long key, long count, long size, LongFunction<String> labeller, Supplier<NodeSet> members) {
    return new Row(key, count, size, null, labeller, null, members);
  }

  /** The relation's class key. */
  public long key() {
    return key;
  }

  /** The class's label. */
  public String label() {
    String known = label;
    if (known == null) {
      known = labeller.apply(key);
      label = known;
    }
    return known;
  }

  /** The objects of the row (computed by one pass over the partitioned set if not kept). */
  public NodeSet members() {
    NodeSet known = members;
    if (known == null) {
      known = membersSupplier.get();
      members = known;
    }
    return known;
  }

  /** The sum of the members' shallow sizes in bytes. */
  public long size() {
    return size;
  }

  public long count() {
    return count;
  }

  @Override
  public String toString() {
    return "Row[" + label() + ", " + count + " objects, " + size + " bytes]";
  }
}
