package org.hpq.equivalence;

import org.hpq.setalgebra.Classifier;

/**
 * An equivalence relation over the objects of a heap: it gives every object a class key, and
 * every key a label. Partitions group a set by key; kinds (symbolic sets) are classes of a
 * relation, evaluated through its {@link Classifier}. Implementations are immutable and
 * thread-safe, bound to one {@link Heap}.
 */
public interface Relation {

  /** The name after {@code by}: {@code clodo}, {@code type}, {@code size}, {@code rcs}, {@code via}... */
  String name();

  /** The column header of the label in partition tables, e.g. {@code Kind (class / owner)}. */
  String header();

  /** The class key of {@code node}; equal keys mean the same class. */
  long key(int node);

  /** The label of the class with key {@code key}, as shown in tables. */
  String label(long key);

  /**
   * Order of two rows with equal total size in a partition: by label unless the relation orders
   * its classes otherwise (sizes numerically).
   */
  default int compareRows(Row first, Row second) {
    return org.hpq.equivalence.internal.NaturalOrder.INSTANCE.compare(first.label(), second.label());
  }

  /**
   * Whether partitions order rows by total size first (heapy's order); a relation that answers
   * false orders its rows by {@link #compareRows} alone (biper: the kind's row first).
   */
  default boolean ordersRowsBySize() {
    return true;
  }

  /**
   * Whether every object is its own class (the id relation): partitions then order members
   * lazily instead of building one row set per object.
   */
  default boolean isIdentity() {
    return false;
  }

  /** The classifier that evaluates this relation's kinds, or null if it has no kinds. */
  default Classifier classifier() {
    return null;
  }
}
