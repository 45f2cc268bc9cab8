package org.hpq.equivalence.internal;

import org.hpq.equivalence.Heap;
import org.hpq.equivalence.Relation;
import org.hpq.setalgebra.Classifier;

/** The shallow ("individual") size in bytes. */
public final class SizeRelation implements Relation {
  private final Heap heap;
  private final SizeClassifier classifier;

  public SizeRelation(Heap heap) {
    this.heap = heap;
    this.classifier = new SizeClassifier(heap);
  }

  @Override
  public String name() {
    return "size";
  }

  @Override
  public String header() {
    return "Individual Size";
  }

  @Override
  public long key(int node) {
    return heap.dump().shallowSize(node);
  }

  @Override
  public String label(long key) {
    return Long.toString(key);
  }

  @Override
  public int compareKeys(long first, long second) {
    return Long.compare(first, second);
  }

  @Override
  public Classifier classifier() {
    return classifier;
  }
}
