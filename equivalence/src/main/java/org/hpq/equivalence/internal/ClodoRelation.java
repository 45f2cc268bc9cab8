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
public final class ClodoRelation implements Relation, BulkKeys {
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
  public KeyBatch newBatch() {
    return newKeys()::keys;
  }

  /** Keys of one object at a time for one worker (not thread-safe), as {@link #key} gives them. */
  ClodoKeys newKeys() {
    return new ClodoKeys(heap, types);
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

  /** The kind spec of the class with key {@code key}: type and owner (null for none). */
  public ClodoClassifier.ClodoSpec specOf(long key) {
    String type = types.name((int) (key >>> 32));
    int low = (int) key;
    return new ClodoClassifier.ClodoSpec(type, low >= 2 ? types.name(low - 2) : null);
  }

  /**
   * The spec for a clodo label as tables show it: {@code java.lang.String}, {@code byte[] (no
   * owner)} or {@code byte[] of java.lang.String}.
   */
  public static ClodoClassifier.ClodoSpec parseLabel(String label) {
    String text = label.trim();
    if (text.endsWith(" (no owner)")) {
      return new ClodoClassifier.ClodoSpec(text.substring(0, text.length() - " (no owner)".length()), null);
    }
    int of = text.indexOf(" of ");
    if (of > 0 && text.substring(0, of).endsWith("]")) {
      return new ClodoClassifier.ClodoSpec(text.substring(0, of), text.substring(of + 4));
    }
    return new ClodoClassifier.ClodoSpec(text, null);
  }

  Heap heap() {
    return heap;
  }

  @Override
  public Classifier classifier() {
    return classifier;
  }
}
