package org.hpq.equivalence;

import java.util.Objects;
import org.hpq.hprof.HeapDump;
import org.hpq.hprof.graph.Csr;
import org.hpq.setalgebra.NodeSet;

/**
 * A set of objects of one heap, with the relation it is displayed by (heapy's {@code er}, clodo
 * by default): heapy's IdentitySet. Immutable and thread-safe; every operation returns a new set.
 * Its partition by the relation is computed on first use and kept.
 */
public final class ObjectSet {
  private final Heap heap;
  private final NodeSet nodes;
  private final Relation relation;
  private volatile Partition partition;

  private ObjectSet(Heap heap, NodeSet nodes, Relation relation) {
    this.heap = Objects.requireNonNull(heap);
    this.nodes = Objects.requireNonNull(nodes);
    this.relation = Objects.requireNonNull(relation);
  }

  /** {@code nodes} of {@code heap}, displayed by clodo. */
  public static ObjectSet of(Heap heap, NodeSet nodes) {
    return new ObjectSet(heap, nodes, heap.relations().clodo());
  }

  public static ObjectSet of(Heap heap, NodeSet nodes, Relation relation) {
    return new ObjectSet(heap, nodes, relation);
  }

  public Heap heap() {
    return heap;
  }

  public NodeSet nodes() {
    return nodes;
  }

  /** The relation the set is displayed and indexed by. */
  public Relation relation() {
    return relation;
  }

  /** Number of objects. */
  public long count() {
    return nodes.count();
  }

  /** Sum of the members' shallow sizes in bytes ({@code size}, {@code indisize}). */
  public long size() {
    Partition known = partition;
    if (known != null) {
      return known.size();
    }
    HeapDump dump = heap.dump();
    long[] total = new long[1];
    nodes.forEach(node -> total[0] += dump.shallowSize(node));
    return total[0];
  }

  /** The same objects displayed by {@code other} ({@code byrcs}, {@code by('Type&Size')}). */
  public ObjectSet by(Relation other) {
    return other == relation ? this : new ObjectSet(heap, nodes, other);
  }

  /** The partition by this set's relation. */
  public Partition partition() {
    Partition result = partition;
    if (result == null) {
      result = Partition.of(heap, nodes, relation);
      partition = result;
    }
    return result;
  }

  /** Row {@code index} of the partition as a set, displayed by the same relation. */
  public ObjectSet row(int index) {
    var rows = partition().rows();
    if (index < 0) {
      index += rows.size();
    }
    if (index < 0 || index >= rows.size()) {
      throw new IndexOutOfBoundsException("row " + index + " of a partition with " + rows.size() + " rows");
    }
    return derive(rows.get(index).members());
  }

  /** The union of rows {@code from} (inclusive) to {@code to} (exclusive); bounds clamp like Python slices. */
  public ObjectSet rows(int from, int to) {
    var rows = partition().rows();
    int size = rows.size();
    int start = clamp(from < 0 ? from + size : from, size);
    int end = clamp(to < 0 ? to + size : to, size);
    NodeSet.Builder union = NodeSet.builder();
    for (int i = start; i < end; i++) {
      union.addAll(rows.get(i).members());
    }
    return derive(union.build());
  }

  private static int clamp(int value, int size) {
    return Math.max(0, Math.min(size, value));
  }

  /** Number of rows of the partition. */
  public int rowCount() {
    return partition().rows().size();
  }

  /** A set of these nodes' heap with this set's relation. */
  public ObjectSet derive(NodeSet other) {
    return new ObjectSet(heap, other, relation);
  }

  public ObjectSet and(ObjectSet other) {
    return derive(nodes.and(other.nodes));
  }

  public ObjectSet or(ObjectSet other) {
    return derive(nodes.or(other.nodes));
  }

  public ObjectSet minus(ObjectSet other) {
    return derive(nodes.andNot(other.nodes));
  }

  public ObjectSet xor(ObjectSet other) {
    return derive(nodes.xor(other.nodes));
  }

  /** {@code ~x}: every object of the dump not in this set. */
  public ObjectSet complement() {
    return derive(heap.universe().andNot(nodes));
  }

  /** Direct referrers of the members, among reachable objects. */
  public ObjectSet referrers() {
    return derive(neighbours(heap.dump().inbound()).and(heap.reachable()));
  }

  /** Objects the members refer to directly. */
  public ObjectSet referents() {
    return derive(neighbours(heap.dump().outbound()));
  }

  private NodeSet neighbours(Csr edges) {
    NodeSet.Builder result = NodeSet.builder();
    int[] visited = new int[1];
    nodes.forEach(
        node -> {
          if ((++visited[0] & 0xFFFF) == 0) {
            heap.checkCancelled();
          }
          for (long p = edges.start(node), end = edges.end(node); p < end; p++) {
            result.add(edges.neighbour(p));
          }
        });
    return result.build();
  }

  /** For arrays, the objects that own them (see clodo); other members contribute nothing. */
  public ObjectSet owners() {
    NodeSet.Builder result = NodeSet.builder();
    nodes.forEach(
        node -> {
          int owner = heap.owner(node);
          if (owner >= 0) {
            result.add(owner);
          }
        });
    return derive(result.build());
  }

  /** The immediate dominators of the members (the virtual root contributes nothing). */
  public ObjectSet imdom() {
    Dominance dominance = heap.dominance();
    NodeSet.Builder result = NodeSet.builder();
    nodes.forEach(
        node -> {
          int dominator = dominance.immediateDominator(node);
          if (dominator >= 0) {
            result.add(dominator);
          }
        });
    return derive(result.build());
  }

  /** {@code dominos}: what would be freed if every member were freed, the members included. */
  public ObjectSet dominos() {
    return derive(heap.dominance().dominos(nodes));
  }

  /** {@code domisize}: the size of {@link #dominos}, exact for the set as a whole. */
  public long domisize() {
    return heap.dominance().domisize(nodes);
  }

  /**
   * The only member ({@code theone}).
   *
   * @throws IllegalStateException naming the count when the set does not hold exactly one object
   */
  public int theOne() {
    long count = nodes.count();
    if (count != 1) {
      throw new IllegalStateException("theone needs a set of exactly one object; this one has " + count);
    }
    return nodes.first();
  }

  @Override
  public boolean equals(Object other) {
    return other instanceof ObjectSet set && set.heap == heap && set.nodes.equals(nodes);
  }

  @Override
  public int hashCode() {
    return nodes.hashCode();
  }
}
