package org.hpq.equivalence;

import java.util.concurrent.CancellationException;
import org.hpq.hprof.HeapDump;
import org.hpq.hprof.ObjectKind;
import org.hpq.hprof.graph.Csr;
import org.hpq.setalgebra.NodeSet;

/**
 * One opened dump seen as heapy sees a heap: the universe of objects, the reachable set, the
 * relative-heap baseline, and the facts relations need (owners of arrays). Thread-safe for
 * queries; {@link #setRelativeBaseline} is the only mutation.
 */
public final class Heap {
  private final HeapDump dump;
  private final NodeSet universe;
  private final NodeSet reachable;
  private final NodeSet roots;
  private final Relations relations;
  private final Dominance dominance;
  private final Kinds kinds;
  private volatile NodeSet baseline = NodeSet.empty();
  private volatile org.hpq.hprof.ProgressListener progress = org.hpq.hprof.ProgressListener.NONE;

  private Heap(HeapDump dump) {
    this.dump = dump;
    int n = dump.objectCount();
    this.universe = NodeSet.range(0, n);
    NodeSet.Builder reachableBuilder = NodeSet.builder();
    NodeSet.Builder rootBuilder = NodeSet.builder();
    for (int object = 0; object < n; object++) {
      if (dump.isReachable(object)) {
        reachableBuilder.add(object);
      }
      if (dump.isRoot(object)) {
        rootBuilder.add(object);
      }
    }
    this.reachable = reachableBuilder.build();
    this.roots = rootBuilder.build();
    this.relations = new Relations(this);
    this.dominance = new Dominance(this);
    this.kinds = new Kinds(relations);
  }

  /** The kind factory of this heap ({@code hp.Type}, {@code hp.Clodo}, ...). */
  public Kinds kinds() {
    return kinds;
  }

  /** {@code hp.heap()} as a set displayed by clodo. */
  public ObjectSet heapSet() {
    return ObjectSet.of(this, heap());
  }

  /** {@code hp.heapu()} as a set displayed by clodo. */
  public ObjectSet unreachableSet() {
    return ObjectSet.of(this, unreachable());
  }

  /** The empty set ({@code hp.Nothing} as a concrete set). */
  public ObjectSet emptySet() {
    return ObjectSet.of(this, NodeSet.empty());
  }

  /**
   * {@code hp.iso(ids...)} / {@code hp.idset(...)}: the objects with these ids.
   *
   * @throws IllegalArgumentException naming the first id (in hex) that is not in the dump
   */
  public ObjectSet objectsWithIds(long... ids) {
    NodeSet.Builder builder = NodeSet.builder();
    for (long id : ids) {
      int node = dump.indexOf(id);
      if (node < 0) {
        throw new IllegalArgumentException(String.format("no object with id 0x%x in the dump", id));
      }
      builder.add(node);
    }
    return ObjectSet.of(this, builder.build());
  }

  /** The object index of {@code id}; throws {@link IllegalArgumentException} if absent. */
  public int node(long id) {
    int node = dump.indexOf(id);
    if (node < 0) {
      throw new IllegalArgumentException(String.format("no object with id 0x%x in the dump", id));
    }
    return node;
  }

  /** The dominator tree and retained sets. */
  public Dominance dominance() {
    return dominance;
  }

  /** Where long work (dominators, whole-set walks) reports progress. */
  public org.hpq.hprof.ProgressListener progress() {
    return progress;
  }

  public void setProgress(org.hpq.hprof.ProgressListener listener) {
    progress = listener;
  }

  /** A heap over an opened dump; the dump stays owned by the caller. */
  public static Heap of(HeapDump dump) {
    return new Heap(dump);
  }

  public HeapDump dump() {
    return dump;
  }

  /** Every object of the dump, reachable or not. */
  public NodeSet universe() {
    return universe;
  }

  /** The objects reachable from the GC roots (weak references included). */
  public NodeSet reachable() {
    return reachable;
  }

  /** The objects held directly by GC roots. */
  public NodeSet roots() {
    return roots;
  }

  /** {@code hp.heap()}: the reachable objects minus the baseline. */
  public NodeSet heap() {
    return reachable.andNot(baseline);
  }

  /** {@code hp.heapu()}: the objects of the dump that are not reachable. */
  public NodeSet unreachable() {
    return universe.andNot(reachable);
  }

  /** The relative-heap baseline ({@code hp.setrelheap(x)}); empty by default. */
  public NodeSet baseline() {
    return baseline;
  }

  public void setRelativeBaseline(NodeSet set) {
    baseline = set;
  }

  public Relations relations() {
    return relations;
  }

  /**
   * The owner of an array: its only referrer when exactly one object refers to it (through any
   * number of fields); -1 for other objects and for arrays with no or several referrers.
   */
  public int owner(int node) {
    ObjectKind kind = dump.kind(node);
    if (kind != ObjectKind.OBJECT_ARRAY && kind != ObjectKind.PRIMITIVE_ARRAY) {
      return -1;
    }
    Csr inbound = dump.inbound();
    long start = inbound.start(node);
    long end = inbound.end(node);
    if (start == end || dump.isRoot(node)) {
      return -1;
    }
    int first = inbound.neighbour(start);
    for (long p = start + 1; p < end; p++) {
      if (inbound.neighbour(p) != first) {
        return -1;
      }
    }
    return first;
  }

  /** Throws {@link CancellationException} if the current thread was interrupted. */
  public void checkCancelled() {
    if (Thread.currentThread().isInterrupted()) {
      throw new CancellationException("cancelled");
    }
  }
}
