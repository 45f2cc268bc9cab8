package org.hpq.equivalence.internal;

import org.hpq.equivalence.Heap;
import org.hpq.equivalence.Relation;
import org.hpq.setalgebra.Classifier;

/** The type: the class name, arrays by element type ({@code byte[]}, {@code java.lang.Object[]}). */
public final class TypeRelation implements Relation, BulkKeys {
  private final TypeNames types;
  private final TypeClassifier classifier;

  public TypeRelation(Heap heap, TypeNames types) {
    this.types = types;
    this.classifier = new TypeClassifier(heap, types);
  }

  @Override
  public String name() {
    return "type";
  }

  @Override
  public String header() {
    return "Type";
  }

  @Override
  public long key(int node) {
    return types.typeId(node);
  }

  @Override
  public KeyBatch newBatch() {
    return (nodes, count, into) -> {
      for (int i = 0; i < count; i++) {
        into[i] = types.typeId(nodes[i]);
      }
    };
  }

  @Override
  public String label(long key) {
    return types.name((int) key);
  }

  @Override
  public Classifier classifier() {
    return classifier;
  }
}
