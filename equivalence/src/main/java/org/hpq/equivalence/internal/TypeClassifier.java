package org.hpq.equivalence.internal;

import it.unimi.dsi.fastutil.ints.IntOpenHashSet;
import java.util.ArrayDeque;
import org.hpq.equivalence.Heap;
import org.hpq.hprof.JavaClass;
import org.hpq.setalgebra.AtomSpec;
import org.hpq.setalgebra.Classifier;
import org.hpq.setalgebra.NodeSet;
import org.hpq.setalgebra.Relaxation;

/**
 * Kinds of the type relation: {@code hp.Type('java.util.HashMap')}; {@code .alt('<')} the strict
 * subclasses, {@code '<='} the class and its subclasses, {@code '>'} / {@code '>='} superclasses.
 */
public final class TypeClassifier implements Classifier {
  /** A type name with an ordering. */
  public record TypeSpec(String name, Relaxation relaxation) implements AtomSpec {}

  private final Heap heap;
  private final TypeNames types;

  TypeClassifier(Heap heap, TypeNames types) {
    this.heap = heap;
    this.types = types;
  }

  @Override
  public String name() {
    return "Type";
  }

  @Override
  public NodeSet select(NodeSet within, AtomSpec spec) {
    IntOpenHashSet accepted = acceptedTypeIds((TypeSpec) spec);
    NodeSet.Builder result = NodeSet.builder();
    Cancellation cancellation = new Cancellation(heap);
    within.forEach(
        node -> {
          cancellation.tick();
          if (accepted.contains(types.typeId(node))) {
            result.add(node);
          }
        });
    return result.build();
  }

  @Override
  public boolean contains(int node, AtomSpec spec) {
    return acceptedTypeIds((TypeSpec) spec).contains(types.typeId(node));
  }

  /** The names the spec accepts, as type ids. */
  private IntOpenHashSet acceptedTypeIds(TypeSpec spec) {
    IntOpenHashSet accepted = new IntOpenHashSet();
    Relaxation relaxation = spec.relaxation();
    if (relaxation != Relaxation.LESS && relaxation != Relaxation.GREATER) {
      accepted.add(types.idOf(spec.name()));
    }
    if (relaxation == Relaxation.LESS || relaxation == Relaxation.LESS_OR_EQUAL) {
      for (JavaClass javaClass : heap.dump().classes()) {
        if (!javaClass.name().equals(spec.name()) && isSubclass(javaClass, spec.name())) {
          accepted.add(types.idOf(javaClass.name()));
        }
      }
    } else if (relaxation == Relaxation.GREATER || relaxation == Relaxation.GREATER_OR_EQUAL) {
      for (JavaClass javaClass : heap.dump().classesNamed(spec.name())) {
        JavaClass current = superclass(javaClass);
        int steps = 0;
        while (current != null && steps++ < 10_000) {
          accepted.add(types.idOf(current.name()));
          current = superclass(current);
        }
      }
    }
    return accepted;
  }

  private boolean isSubclass(JavaClass javaClass, String ancestor) {
    JavaClass current = superclass(javaClass);
    int steps = 0;
    while (current != null && steps++ < 10_000) {
      if (current.name().equals(ancestor)) {
        return true;
      }
      current = superclass(current);
    }
    return false;
  }

  private JavaClass superclass(JavaClass javaClass) {
    return javaClass.superclassIndex() < 0 ? null : heap.dump().classAtOrNull(javaClass.superclassIndex());
  }

  @Override
  public boolean disjoint(AtomSpec first, AtomSpec second) {
    TypeSpec a = (TypeSpec) first;
    TypeSpec b = (TypeSpec) second;
    return a.relaxation() == Relaxation.EQUAL && b.relaxation() == Relaxation.EQUAL && !a.name().equals(b.name());
  }

  @Override
  public boolean includes(AtomSpec container, AtomSpec contained) {
    TypeSpec outer = (TypeSpec) container;
    TypeSpec inner = (TypeSpec) contained;
    if (outer.equals(inner)) {
      return true;
    }
    return inner.relaxation() == Relaxation.EQUAL
        && outer.relaxation() == Relaxation.LESS_OR_EQUAL
        && inner.name().equals(outer.name());
  }

  @Override
  public AtomSpec alt(AtomSpec spec, Relaxation relaxation) {
    return new TypeSpec(((TypeSpec) spec).name(), relaxation);
  }

  @Override
  public String render(AtomSpec spec) {
    TypeSpec type = (TypeSpec) spec;
    return Quoting.call("hp.Type", type.name()) + Quoting.alt(type.relaxation());
  }
}
