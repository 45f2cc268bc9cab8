package org.hpq.equivalence;

import java.util.List;
import java.util.Objects;
import org.hpq.equivalence.internal.BiperRelation;
import org.hpq.equivalence.text.IdText;
import org.hpq.equivalence.text.PartitionText;
import org.hpq.hprof.BasicType;
import org.hpq.hprof.FieldValue;
import org.hpq.hprof.HeapDump;
import org.hpq.hprof.JavaClass;
import org.hpq.hprof.ObjectKind;
import org.hpq.hprof.StaticField;
import org.hpq.hprof.graph.Csr;
import org.hpq.hprof.paths.WeakEdges;
import org.hpq.setalgebra.Kind;
import org.hpq.setalgebra.NodeSet;

/**
 * A set of objects of one heap, with the relation it is displayed by (heapy's {@code er}, clodo
 * by default): heapy's IdentitySet. Immutable and thread-safe; every operation returns a new set.
 * Its partition by the relation is computed on first use and kept.
 */
public final class ObjectSet implements Pageable {
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

  /**
   * The same objects displayed by the relation named {@code name} ({@code "rcs"}, {@code
   * "Type&Size"}).
   *
   * @throws IllegalArgumentException for an unknown relation
   */
  public ObjectSet by(String name) {
    return by(heap.relations().get(name));
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
  @Override
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
            result.add(edges.neighbour(node, p));
          }
        });
    return result.build();
  }

  /** For arrays, the objects that own them (see clodo); other members contribute nothing. */
  public ObjectSet owners() {
    NodeSet.Builder result = NodeSet.builder();
    org.hpq.equivalence.internal.Cancellation cancellation = new org.hpq.equivalence.internal.Cancellation(heap);
    nodes.forEach(
        node -> {
          cancellation.tick();
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
    org.hpq.equivalence.internal.Cancellation cancellation = new org.hpq.equivalence.internal.Cancellation(heap);
    nodes.forEach(
        node -> {
          cancellation.tick();
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


  // ---- kinds, membership and comparisons ----

  /** {@code kind & x}: the members of kind {@code kind}. */
  public ObjectSet and(Kind kind) {
    return derive(kind.filter(nodes));
  }

  /** {@code x - kind}: the members not of kind {@code kind}. */
  public ObjectSet minus(Kind kind) {
    return derive(nodes.andNot(kind.filter(nodes)));
  }

  /** {@code x.kind}: the union of the members' clodo kinds ({@code Nothing} for an empty set). */
  public Kind kind() {
    List<Row> rows = by(heap.relations().clodo()).partition().rows();
    List<Kind> atoms = new java.util.ArrayList<>(rows.size());
    for (Row row : rows) {
      atoms.add(heap.kinds().clodoOf(row.members().first()));
    }
    return Kind.union(atoms);
  }

  /**
   * {@code x.biper(kind)}: the same objects displayed in two rows, row 0 the members of {@code
   * kind}, row 1 the rest (a row is left out when empty).
   */
  public ObjectSet biper(Kind kind) {
    return new ObjectSet(heap, nodes, new BiperRelation(kind));
  }

  /** Whether {@code node} is a member ({@code in}). */
  public boolean contains(int node) {
    return nodes.contains(node);
  }

  /** Whether no object is in both sets. */
  public boolean disjoint(ObjectSet other) {
    return !nodes.intersects(other.nodes);
  }

  /** {@code x <= y}. */
  public boolean isSubsetOf(ObjectSet other) {
    return nodes.isSubsetOf(other.nodes);
  }

  /** {@code x < y}. */
  public boolean isStrictSubsetOf(ObjectSet other) {
    return nodes.isStrictSubsetOf(other.nodes);
  }

  /** {@code x >= y}. */
  public boolean isSupersetOf(ObjectSet other) {
    return other.nodes.isSubsetOf(nodes);
  }

  /** {@code x > y}. */
  public boolean isStrictSupersetOf(ObjectSet other) {
    return other.nodes.isStrictSubsetOf(nodes);
  }

  /** {@code x <= kind}: whether every member is of kind {@code kind}. */
  public boolean isSubsetOf(Kind kind) {
    return kind.filter(nodes).count() == nodes.count();
  }

  /** Whether no member is of kind {@code kind}. */
  public boolean disjoint(Kind kind) {
    return kind.filter(nodes).isEmpty();
  }

  // ---- paths ----

  /** {@code x.sp}: shortest paths from the roots over every edge, listing up to 20. */
  public ReferenceChains sp() {
    return sp(WeakEdges.FOLLOW, 20);
  }

  /**
   * Shortest paths from the roots to the nearest members, listing up to {@code maxPaths};
   * {@link WeakEdges#SKIP} leaves weak references out (paths that keep objects alive).
   *
   * @throws java.util.concurrent.CancellationException if the thread is interrupted meanwhile
   */
  public ReferenceChains sp(WeakEdges weakEdges, int maxPaths) {
    return ReferenceChains.of(heap.dump(), heap.dominance().shortestPaths(nodes, weakEdges, maxPaths));
  }

  /** {@code x.pathsin}: the references into the members from reachable objects. */
  public Steps pathsIn() {
    return Steps.into(this);
  }

  /** {@code x.pathsout}: the references out of the members. */
  public Steps pathsOut() {
    return Steps.outOf(this);
  }

  /** {@code x.rp}: the reference pattern to heapy's default depth, {@value ReferencePattern#DEFAULT_DEPTH}. */
  public ReferencePattern rp() {
    return rp(ReferencePattern.DEFAULT_DEPTH);
  }

  /** The reference pattern to {@code depth} levels of referrers. */
  public ReferencePattern rp(int depth) {
    return ReferencePattern.of(this, depth);
  }

  // ---- single objects and fields ----

  /**
   * {@code x.theone} as a view: class, id, sizes, fields.
   *
   * @throws IllegalStateException naming the count when the set does not hold exactly one object
   */
  public ObjectView theOneView() {
    return ObjectView.of(heap, theOne());
  }

  /** The members in index order ({@code x.nodes}). */
  public java.util.PrimitiveIterator.OfInt iterator() {
    return nodes.iterator();
  }

  /**
   * {@code x.maprox.name}: the objects referred to by field {@code name} of the members (instance
   * fields; static fields for class objects); nulls and members without the field add nothing.
   *
   * @throws IllegalArgumentException if the set is not empty and no member has such a field
   */
  public ObjectSet maprox(String name) {
    HeapDump dump = heap.dump();
    NodeSet.Builder result = NodeSet.builder();
    boolean[] found = new boolean[1];
    int[] visited = new int[1];
    nodes.forEach(
        node -> {
          if ((++visited[0] & 0xFFFF) == 0) {
            heap.checkCancelled();
          }
          if (dump.kind(node) == ObjectKind.CLASS) {
            JavaClass javaClass = dump.classAtOrNull(node);
            if (javaClass != null) {
              for (StaticField field : javaClass.statics()) {
                if (field.name().equals(name)) {
                  found[0] = true;
                  int target = field.type() == BasicType.OBJECT && field.value() != 0 ? dump.indexOf(field.value()) : -1;
                  if (target >= 0) {
                    result.add(target);
                  }
                  break;
                }
              }
            }
            return;
          }
          if (dump.kind(node) != ObjectKind.INSTANCE) {
            return;
          }
          for (FieldValue field : dump.fields(node)) {
            if (field.field().name().equals(name)) {
              found[0] = true;
              if (field.isReference() && field.target() >= 0) {
                result.add(field.target());
              }
              break;
            }
          }
        });
    if (!found[0] && !nodes.isEmpty()) {
      throw new IllegalArgumentException("no member of the set has a field '" + name + "'");
    }
    return derive(result.build());
  }

  // ---- summaries and display ----

  /**
   * {@code x.brief}: one line, {@code <1000 objects, 32000 bytes, 3 kinds>} where kinds are the
   * rows of the set's relation (singular forms for one).
   */
  public String brief() {
    long count = count();
    int kinds = rowCount();
    return "<" + count + (count == 1 ? " object, " : " objects, ") + size() + " bytes, "
        + kinds + (kinds == 1 ? " kind>" : " kinds>");
  }

  /** {@code x.stat}: the partition's table, detached from the heap. */
  public Stat stat() {
    return Stat.of(this);
  }

  /**
   * {@code x.diff(y)}: {@code x.stat - y.by(x.er).stat}; {@code other} may belong to another
   * dump (its relation of the same name is used; rows match by label).
   */
  public Diff diff(ObjectSet other) {
    ObjectSet matched = other.heap == heap ? other.by(relation) : other.by(relation.name());
    return Diff.of(stat(), matched.stat());
  }

  /**
   * The set's table: heapy's partition layout, or for the identity relation heapy's {@code
   * byid} layout ({@code Set of N <type> objects...}).
   */
  @Override
  public String render(int start, int maxRows, int width) {
    if (relation.isIdentity()) {
      return IdText.render(heap.dump(), partition(), singleTypeOrNull(), start, maxRows);
    }
    return PartitionText.render(partition(), start, maxRows, width);
  }

  /** The members' type name when they all have one type; null for several (or none). */
  public String singleTypeOrNull() {
    Relation type = heap.relations().get("type");
    long[] first = {Long.MIN_VALUE};
    boolean[] mixed = new boolean[1];
    nodes.forEach(
        node -> {
          if (!mixed[0]) {
            long key = type.key(node);
            if (first[0] == Long.MIN_VALUE) {
              first[0] = key;
            } else if (key != first[0]) {
              mixed[0] = true;
            }
          }
        });
    return mixed[0] || first[0] == Long.MIN_VALUE ? null : type.label(first[0]);
  }

  /** The first page of the table at {@link Page#DEFAULT_WIDTH}. */
  @Override
  public String toString() {
    return render(0, PAGE, Page.DEFAULT_WIDTH);
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
