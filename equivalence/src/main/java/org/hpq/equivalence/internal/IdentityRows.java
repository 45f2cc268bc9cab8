package org.hpq.equivalence.internal;

import java.util.AbstractList;
import java.util.Arrays;
import java.util.RandomAccess;
import org.hpq.equivalence.Heap;
import org.hpq.equivalence.Relation;
import org.hpq.equivalence.Row;
import org.hpq.hprof.HeapDump;
import org.hpq.setalgebra.NodeSet;

/**
 * The rows of a partition by identity, made on access: the members sorted once by shallow size
 * descending, then by index, packed as {@code (MAX - size) << 32 | index} in a primitive array.
 * Sizes above {@code 2^31 - 1} bytes sort as that size (their row still shows the true size).
 */
public final class IdentityRows extends AbstractList<Row> implements RandomAccess {
  private static final long LARGEST = Integer.MAX_VALUE;

  private final HeapDump dump;
  private final Relation relation;
  private final long[] order;
  private final long totalSize;

  private IdentityRows(HeapDump dump, Relation relation, long[] order, long totalSize) {
    this.dump = dump;
    this.relation = relation;
    this.order = order;
    this.totalSize = totalSize;
  }

  /** Sorts the members of {@code set}; checks for cancellation while reading sizes. */
  public static IdentityRows of(Heap heap, NodeSet set, Relation relation) {
    HeapDump dump = heap.dump();
    long[] order = new long[Math.toIntExact(set.count())];
    int[] filled = new int[1];
    long[] total = new long[1];
    set.forEach(
        node -> {
          if ((filled[0] & 0xFFFF) == 0) {
            heap.checkCancelled();
          }
          long size = dump.shallowSize(node);
          total[0] += size;
          order[filled[0]++] = ((LARGEST - Math.min(size, LARGEST)) << 32) | node;
        });
    Arrays.parallelSort(order);
    return new IdentityRows(dump, relation, order, total[0]);
  }

  /** The object of row {@code index}. */
  public int node(int index) {
    return (int) order[index];
  }

  public long totalSize() {
    return totalSize;
  }

  @Override
  public Row get(int index) {
    int node = (int) order[index];
    return Row.of(node, relation.label(node), NodeSet.of(node), dump.shallowSize(node));
  }

  @Override
  public int size() {
    return order.length;
  }
}
