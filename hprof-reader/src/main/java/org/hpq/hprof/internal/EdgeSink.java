package org.hpq.hprof.internal;

import org.hpq.hprof.store.IntArray;
import org.hpq.hprof.store.LongArray;

/** Appends the outbound edges of one object after another into CSR arrays with labels. */
final class EdgeSink {
  final LongArray offsets;
  final IntArray targets;
  final IntArray labels;
  final LongArray weakBits;
  private long size;
  private int node;

  private final long weakBase;

  EdgeSink(LongArray offsets, IntArray targets, IntArray labels, LongArray weakBits) {
    this(offsets, targets, labels, weakBits, 0);
  }

  /**
   * A sink whose first edge goes to position {@code start} of the arrays, and whose weak bits
   * are numbered from there: the bit of position {@code p} is bit {@code p - start}.
   */
  EdgeSink(LongArray offsets, IntArray targets, IntArray labels, LongArray weakBits, long start) {
    this.offsets = offsets;
    this.targets = targets;
    this.labels = labels;
    this.weakBits = weakBits;
    this.size = start;
    this.weakBase = start;
  }

  /** Starts the edge list of {@code next}, which must be the node after the previous one. */
  void begin(int next) {
    node = next;
    offsets.set(next, size);
  }

  void add(int target, int label, boolean weak) {
    long position = size++;
    if (position >= targets.size()) {
      throw new IllegalStateException("edge capacity " + targets.size() + " exceeded at node " + node);
    }
    targets.set(position, target);
    labels.set(position, label);
    if (weak) {
      long bit = position - weakBase;
      weakBits.set(bit >>> 6, weakBits.get(bit >>> 6) | (1L << (bit & 63)));
    }
  }

  /** Sets the number of edges to {@code total}, for edges written into the arrays by others. */
  void moveTo(long total) {
    size = total;
  }

  /** Ends the last list; {@code nodeCount} nodes in all. */
  void finish(int nodeCount) {
    offsets.set(nodeCount, size);
  }

  long size() {
    return size;
  }
}
