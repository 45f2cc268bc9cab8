package org.hpq.equivalence.internal;

import org.hpq.equivalence.Heap;
import org.hpq.setalgebra.AtomSpec;
import org.hpq.setalgebra.Classifier;
import org.hpq.setalgebra.NodeSet;
import org.hpq.setalgebra.Relaxation;

/** Kinds of the size relation: {@code hp.Size(24)}, {@code .alt('<=')} sizes up to 24. */
public final class SizeClassifier implements Classifier {
  /** A shallow size with an ordering. */
  public record SizeSpec(long size, Relaxation relaxation) implements AtomSpec {}

  private final Heap heap;

  SizeClassifier(Heap heap) {
    this.heap = heap;
  }

  @Override
  public String name() {
    return "Size";
  }

  @Override
  public NodeSet select(NodeSet within, AtomSpec spec) {
    SizeSpec size = (SizeSpec) spec;
    NodeSet.Builder result = NodeSet.builder();
    Cancellation cancellation = new Cancellation(heap);
    within.forEach(
        node -> {
          cancellation.tick();
          if (matches(heap.dump().shallowSize(node), size)) {
            result.add(node);
          }
        });
    return result.build();
  }

  @Override
  public boolean contains(int node, AtomSpec spec) {
    return matches(heap.dump().shallowSize(node), (SizeSpec) spec);
  }

  private static boolean matches(long value, SizeSpec spec) {
    return switch (spec.relaxation()) {
      case LESS -> value < spec.size();
      case LESS_OR_EQUAL -> value <= spec.size();
      case EQUAL -> value == spec.size();
      case GREATER_OR_EQUAL -> value >= spec.size();
      case GREATER -> value > spec.size();
    };
  }

  @Override
  public boolean disjoint(AtomSpec first, AtomSpec second) {
    SizeSpec a = (SizeSpec) first;
    SizeSpec b = (SizeSpec) second;
    if (a.relaxation() == Relaxation.EQUAL) {
      return !matches(a.size(), b);
    }
    if (b.relaxation() == Relaxation.EQUAL) {
      return !matches(b.size(), a);
    }
    return false;
  }

  @Override
  public boolean includes(AtomSpec container, AtomSpec contained) {
    SizeSpec outer = (SizeSpec) container;
    SizeSpec inner = (SizeSpec) contained;
    return outer.equals(inner) || (inner.relaxation() == Relaxation.EQUAL && matches(inner.size(), outer));
  }

  @Override
  public AtomSpec alt(AtomSpec spec, Relaxation relaxation) {
    return new SizeSpec(((SizeSpec) spec).size(), relaxation);
  }

  @Override
  public String render(AtomSpec spec) {
    SizeSpec size = (SizeSpec) spec;
    return "hp.Size(" + size.size() + ")" + Quoting.alt(size.relaxation());
  }
}
