package org.hpq.equivalence.internal;

import java.util.List;
import org.hpq.equivalence.Relation;

/** The product of relations: two objects are equivalent when they are in every factor. */
public final class ProductRelation implements Relation {
  private final List<Relation> factors;
  private final Interner<LabelSets.Key> keys = new Interner<>();

  public ProductRelation(List<Relation> factors) {
    this.factors = List.copyOf(factors);
  }

  @Override
  public String name() {
    StringBuilder name = new StringBuilder();
    for (Relation factor : factors) {
      name.append(name.length() == 0 ? "" : "&").append(factor.name());
    }
    return name.toString();
  }

  @Override
  public String header() {
    StringBuilder header = new StringBuilder();
    for (Relation factor : factors) {
      header.append(header.length() == 0 ? "" : " & ").append(factor.header());
    }
    return header.toString();
  }

  @Override
  public long key(int node) {
    long[] parts = new long[factors.size()];
    for (int i = 0; i < parts.length; i++) {
      parts[i] = factors.get(i).key(node);
    }
    return keys.id(new LabelSets.Key(parts));
  }

  @Override
  public String label(long key) {
    long[] parts = keys.value((int) key).codes();
    StringBuilder label = new StringBuilder();
    for (int i = 0; i < parts.length; i++) {
      label.append(i == 0 ? "" : " & ").append(factors.get(i).label(parts[i]));
    }
    return label.toString();
  }

}
