package org.hpq.hprof.internal;

import org.hpq.hprof.store.IntArray;
import org.hpq.hprof.store.LongArray;

/**
 * Appends the outbound edges of one object after another into CSR arrays with labels, stored as
 * its {@link OutLabels.Encoder} makes them.
 */
final class EdgeSink {
  final LongArray offsets;
  final IntArray targets;
  final IntArray labels;
  final LongArray weakBits;
  final OutLabels.Encoder encoder;
  private long size;
  private int node;

  /** A sink that stores the label codes themselves. */
  EdgeSink(LongArray offsets, IntArray targets, IntArray labels, LongArray weakBits) {
    this(offsets, targets, labels, weakBits, new OutLabels.Encoder(false));
  }

  EdgeSink(LongArray offsets, IntArray targets, IntArray labels, LongArray weakBits, OutLabels.Encoder encoder) {
    this.offsets = offsets;
    this.targets = targets;
    this.labels = labels;
    this.weakBits = weakBits;
    this.encoder = encoder;
  }

  /** Starts the edge list of {@code next}, which must be the node after the previous one. */
  void begin(int next) {
    node = next;
    offsets.set(next, size);
    encoder.startSource();
  }

  void add(int target, int label, boolean weak) {
    long position = size++;
    if (position >= targets.size()) {
      throw new IllegalStateException("edge capacity " + targets.size() + " exceeded at node " + node);
    }
    targets.set(position, target);
    labels.set(position, encoder.encode(position, label));
    if (weak) {
      weakBits.set(position >>> 6, weakBits.get(position >>> 6) | (1L << (position & 63)));
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

  /** The labels stored so far, with the codes the encoder kept aside. */
  OutLabels outLabels() {
    return encoder.labels(labels);
  }
}
