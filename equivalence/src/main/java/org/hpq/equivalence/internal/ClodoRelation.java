package org.hpq.equivalence.internal;

import org.hpq.equivalence.Heap;
import org.hpq.equivalence.Relation;
import org.hpq.hprof.HeapDump;
import org.hpq.hprof.ObjectKind;
import org.hpq.setalgebra.Classifier;

/**
 * Class or owner: an instance's class; an array with a single referrer is labelled by its
 * owner's class ({@code byte[] of java.lang.String}), other arrays {@code byte[] (no owner)}.
 * Key: type id in the high 32 bits; low bits 0 for non-arrays, 1 for no owner, 2 + the owner's
 * type id for owned arrays.
 */
public final class ClodoRelation implements Relation {
  private final Heap heap;
  private final TypeNames types;
  private final ClodoClassifier classifier;

  public ClodoRelation(Heap heap, TypeNames types) {
    this.heap = heap;
    this.types = types;
    this.classifier = new ClodoClassifier(this);
  }

  @Override
  public String name() {
    return "clodo";
  }

  @Override
  public String header() {
    return "Kind (class / owner)";
  }

  @Override
  public long key(int node) {
    long type = types.typeId(node);
    HeapDump dump = heap.dump();
    ObjectKind kind = dump.kind(node);
    if (kind != ObjectKind.OBJECT_ARRAY && kind != ObjectKind.PRIMITIVE_ARRAY) {
      return type << 32;
    }
    int owner = heap.owner(node);
    if (owner < 0) {
      return (type << 32) | 1;
    }
    return (type << 32) | (2L + types.typeId(owner));
  }

  @Override
  public String label(long key) {
    String type = types.name((int) (key >>> 32));
    int low = (int) key;
    return switch (low) {
      case 0 -> type;
      case 1 -> type + " (no owner)";
      default -> type + " of " + types.name(low - 2);
    };
  }

  /** The key for a type name and owner (null: not an array; "" means no owner). */
  long keyOf(String type, String owner) {
    long typeId = types.idOf(type);
    if (owner == null) {
      return typeId << 32;
    }
    if (owner.isEmpty()) {
      return (typeId << 32) | 1;
    }
    return (typeId << 32) | (2L + types.idOf(owner));
  }

  Heap heap() {
    return heap;
  }

  @Override
  public Classifier classifier() {
    return classifier;
  }
}
