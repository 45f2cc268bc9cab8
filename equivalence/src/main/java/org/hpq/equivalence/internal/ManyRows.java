package org.hpq.equivalence.internal;

import it.unimi.dsi.fastutil.ints.IntArrays;
import java.util.AbstractList;
import java.util.Arrays;
import java.util.RandomAccess;
import org.hpq.equivalence.Relation;
import org.hpq.equivalence.Row;
import org.hpq.setalgebra.NodeSet;

/**
 * The rows of a partition with very many classes: ordered by size (descending) and then by class
 * key (the labels of millions of rows are not computed to sort them); labels and members are made
 * when a row is looked at, the members by one pass over the set. Immutable.
 */
public final class ManyRows extends AbstractList<Row> implements RandomAccess {
  /** Bits of a packed sort entry that hold the row's position in key order. */
  private static final int POSITION_BITS = 24;

  private static final long LARGEST_PACKED_SIZE = (1L << (63 - POSITION_BITS)) - 1;

  private final NodeSet set;
  private final Relation relation;
  private final long[] keys;
  private final int[] counts;
  private final long[] sizes;
  private final int[] order;

  private ManyRows(NodeSet set, Relation relation, long[] keys, int[] counts, long[] sizes, int[] order) {
    this.set = set;
    this.relation = relation;
    this.keys = keys;
    this.counts = counts;
    this.sizes = sizes;
    this.order = order;
  }

  /** The rows of {@code classes} (in ascending key order), by size first if {@code bySize}. */
  public static ManyRows of(NodeSet set, Relation relation, ClassTally.Classes classes, boolean bySize) {
    long[] keys = classes.keys();
    long[] sizes = classes.sizes();
    int n = keys.length;
    int[] order = new int[n];
    for (int i = 0; i < n; i++) {
      order[i] = i;
    }
    if (bySize) {
      sortBySize(order, sizes, keys);
    }
    return new ManyRows(set, relation, keys, classes.counts(), sizes, order);
  }

  /**
   * Orders positions (already in ascending key order) by size descending, ties in key order: as
   * one sort of packed primitive longs when sizes and positions fit, else with a comparator.
   */
  private static void sortBySize(int[] order, long[] sizes, long[] keys) {
    int n = order.length;
    boolean packs = n < (1 << POSITION_BITS);
    for (int i = 0; packs && i < n; i++) {
      packs = sizes[i] >= 0 && sizes[i] <= LARGEST_PACKED_SIZE;
    }
    if (packs) {
      long[] packed = new long[n];
      for (int i = 0; i < n; i++) {
        packed[i] = ((LARGEST_PACKED_SIZE - sizes[i]) << POSITION_BITS) | i;
      }
      Arrays.parallelSort(packed);
      for (int i = 0; i < n; i++) {
        order[i] = (int) (packed[i] & ((1 << POSITION_BITS) - 1));
      }
      return;
    }
    IntArrays.quickSort(order, (a, b) -> {
      int bySize = Long.compare(sizes[b], sizes[a]);
      return bySize != 0 ? bySize : Long.compare(keys[a], keys[b]);
    });
  }

  @Override
  public Row get(int index) {
    int i = order[index];
    long key = keys[i];
    return Row.lazy(key, counts[i], sizes[i], relation::label, () -> {
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
    return order.length;
  }
}
