package org.hpq.equivalence.internal;

import java.util.List;

/**
 * A relation whose keys a partition pass can compute in bulk and on several threads: each worker
 * takes a {@link KeyBatch}. Keys that need shared state (ids of new label sets) may be given out
 * as indexes local to a batch and are resolved by {@link #settle} once every worker has
 * finished, in the order a single pass in ascending object order would have made them, so the
 * result never depends on the number of threads.
 *
 * <p>Keys may also be declared dense: small numbers in a few regions, counted in plain arrays
 * instead of a hash table. Every key of region {@code r} is below every key of region {@code r +
 * 1}, and keys ascend with their index within a region.
 */
public interface BulkKeys {

  /** A new batch for one worker. */
  KeyBatch newBatch();

  /** Number of dense regions. */
  default int denseRegions() {
    return 0;
  }

  /** The region and index of a dense key as {@code region << 32 | index}, or -1 for other keys. */
  default long denseSlot(long key) {
    return -1;
  }

  /** The key at {@code index} of dense region {@code region}: the inverse of {@link #denseSlot}. */
  default long denseKey(int region, int index) {
    throw new UnsupportedOperationException("no dense keys");
  }

  /** The batch-local index of a key that {@link #settle} resolves, or -1 for a final key. */
  default int localIndex(long key) {
    return -1;
  }

  /**
   * Resolves the batch-local keys the finished {@code batches} gave out, or returns null when
   * they gave none. Called once per pass, on one thread.
   */
  default Settlement settle(List<KeyBatch> batches) {
    return null;
  }

  /** The final keys of the batch-local keys of a pass. */
  @FunctionalInterface
  interface Settlement {
    /** The relation's key for local index {@code index} of batch number {@code batch} (its position in the list). */
    long key(int batch, int index);
  }
}
