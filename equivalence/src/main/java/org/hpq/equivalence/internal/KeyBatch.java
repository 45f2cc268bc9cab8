package org.hpq.equivalence.internal;

/**
 * Class keys of many objects at once, for one worker of a partition pass: may keep caches and
 * scratch buffers, so it is not thread-safe; every worker gets its own from {@link
 * BulkKeys#newBatch}.
 */
public interface KeyBatch {

  /**
   * Writes the class key of {@code nodes[i]} to {@code keys[i]} for every {@code i < count}, the
   * nodes ascending (so a batch may read facts of the range they span in bulk): the relation's
   * {@code key(node)}, except that keys {@link BulkKeys#settle} resolves may be
   * provisional until then.
   */
  void keys(int[] nodes, int count, long[] keys);
}
