package org.hpq.equivalence.internal;

import org.hpq.setalgebra.AtomSpec;
import org.hpq.setalgebra.Classifier;
import org.hpq.setalgebra.NodeSet;

/**
 * Kinds of the clodo relation: {@code hp.Clodo('java.lang.String')} (instances of exactly that
 * class; for an array type, the arrays with no owner), {@code hp.Clodo('byte[]',
 * owner='java.lang.String')} (byte arrays owned by Strings).
 */
public final class ClodoClassifier implements Classifier {
  /** A class name and, for arrays, an owner class name (null: none given). */
  public record ClodoSpec(String type, String owner) implements AtomSpec {}

  private final ClodoRelation relation;

  ClodoClassifier(ClodoRelation relation) {
    this.relation = relation;
  }

  @Override
  public String name() {
    return "Clodo";
  }

  private long key(ClodoSpec spec) {
    boolean array = spec.type().endsWith("[]");
    return relation.keyOf(spec.type(), spec.owner() != null ? spec.owner() : (array ? "" : null));
  }

  @Override
  public NodeSet select(NodeSet within, AtomSpec spec) {
    long wanted = key((ClodoSpec) spec);
    NodeSet.Builder result = NodeSet.builder();
    Cancellation cancellation = new Cancellation(relation.heap());
    within.forEach(
        node -> {
          cancellation.tick();
          if (relation.key(node) == wanted) {
            result.add(node);
          }
        });
    return result.build();
  }

  @Override
  public boolean contains(int node, AtomSpec spec) {
    return relation.key(node) == key((ClodoSpec) spec);
  }

  @Override
  public boolean disjoint(AtomSpec first, AtomSpec second) {
    return key((ClodoSpec) first) != key((ClodoSpec) second);
  }

  @Override
  public boolean includes(AtomSpec container, AtomSpec contained) {
    return key((ClodoSpec) container) == key((ClodoSpec) contained);
  }

  @Override
  public String render(AtomSpec spec) {
    ClodoSpec clodo = (ClodoSpec) spec;
    String base = "hp.Clodo(" + Quoting.quote(clodo.type());
    return clodo.owner() == null ? base + ")" : base + ", owner=" + Quoting.quote(clodo.owner()) + ")";
  }
}
