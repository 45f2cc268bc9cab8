package org.hpq.equivalence.internal;

import org.hpq.equivalence.Heap;
import org.hpq.equivalence.Relation;
import org.hpq.setalgebra.AtomSpec;
import org.hpq.setalgebra.Classifier;
import org.hpq.setalgebra.NodeSet;

/** Identity: one class per object, labelled by its id in hex. */
public final class IdRelation implements Relation, Classifier {
  /** One object, by its id in the dump. */
  public record IdSpec(long id) implements AtomSpec {}

  private final Heap heap;

  public IdRelation(Heap heap) {
    this.heap = heap;
  }

  @Override
  public String name() {
    return "id";
  }

  @Override
  public String header() {
    return "Address";
  }

  @Override
  public long key(int node) {
    return node;
  }

  @Override
  public String label(long key) {
    return String.format("0x%x", heap.dump().id((int) key));
  }

  @Override
  public int compareRows(org.hpq.equivalence.Row first, org.hpq.equivalence.Row second) {
    return Long.compare(first.key(), second.key());
  }

  @Override
  public boolean isIdentity() {
    return true;
  }

  @Override
  public Classifier classifier() {
    return this;
  }

  @Override
  public NodeSet select(NodeSet within, AtomSpec spec) {
    int node = heap.dump().indexOf(((IdSpec) spec).id());
    return node >= 0 && within.contains(node) ? NodeSet.of(node) : NodeSet.empty();
  }

  @Override
  public boolean contains(int node, AtomSpec spec) {
    return node >= 0 && heap.dump().id(node) == ((IdSpec) spec).id();
  }

  @Override
  public boolean disjoint(AtomSpec first, AtomSpec second) {
    return !first.equals(second);
  }

  @Override
  public boolean includes(AtomSpec container, AtomSpec contained) {
    return container.equals(contained);
  }

  @Override
  public String render(AtomSpec spec) {
    return String.format("hp.Id(0x%x)", ((IdSpec) spec).id());
  }
}
