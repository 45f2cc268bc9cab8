package org.hpq.equivalence.internal;

import org.hpq.equivalence.Relation;
import org.hpq.equivalence.Row;
import org.hpq.setalgebra.Kind;

/**
 * heapy's {@code biper(kind)}: two classes, the objects of the kind (key 0, first row) and the
 * rest (key 1), labelled by the kind and its complement.
 */
public final class BiperRelation implements Relation {
  private final Kind kind;

  public BiperRelation(Kind kind) {
    this.kind = kind;
  }

  @Override
  public String name() {
    return "biper";
  }

  @Override
  public String header() {
    return "Kind";
  }

  @Override
  public long key(int node) {
    return kind.contains(node) ? 0 : 1;
  }

  @Override
  public String label(long key) {
    return key == 0 ? kind.toString() : kind.not().toString();
  }

  @Override
  public boolean ordersRowsBySize() {
    return false;
  }

  @Override
  public int compareRows(Row first, Row second) {
    return Long.compare(first.key(), second.key());
  }
}
