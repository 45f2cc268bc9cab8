package org.hpq.equivalence.internal;

import org.hpq.equivalence.Heap;
import org.hpq.equivalence.Relation;
import org.hpq.hprof.HeapDump;
import org.hpq.setalgebra.Classifier;

/** The shallow ("individual") size in bytes. */
public final class SizeRelation implements Relation, BulkKeys {
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
  public KeyBatch newBatch() {
    HeapDump dump = heap.dump();
    return (nodes, count, into) -> {
      for (int i = 0; i < count; i++) {
        into[i] = dump.shallowSize(nodes[i]);
      }
    };
  }

  @Override
  public String label(long key) {
    return Long.toString(key);
  }

  @Override
  public int compareRows(org.hpq.equivalence.Row first, org.hpq.equivalence.Row second) {
    return Long.compare(first.key(), second.key());
  }

  @Override
  public Classifier classifier() {
    return classifier;
  }
}
