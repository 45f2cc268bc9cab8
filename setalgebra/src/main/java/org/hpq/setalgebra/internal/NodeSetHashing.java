package org.hpq.setalgebra.internal;

import org.roaringbitmap.Container;
import org.roaringbitmap.ContainerPointer;
import org.roaringbitmap.PeekableCharIterator;
import org.roaringbitmap.RoaringBitmap;

/**
 * A hash of a bitmap's members that does not depend on how Roaring stores them (its own {@code
 * hashCode} differs between a run container and an array of the same values). Not API.
 */
public final class NodeSetHashing {

  /** Blocks up to this many members hash every member; denser blocks hash a summary. */
  private static final int DETAILED_LIMIT = 4096;

  private NodeSetHashing() {}

  /**
   * Hashes {@code bits} in time proportional to its compressed size: each 2^16 block contributes
   * its key and count, plus every member when it has at most 4096 of them (what decides this is
   * the count, never the container type, so equal sets hash equally), otherwise its first and
   * last member.
   */
  public static int hash(RoaringBitmap bits) {
    int hash = 1;
    ContainerPointer pointer = bits.getContainerPointer();
    for (Container container = pointer.getContainer();
        container != null;
        pointer.advance(), container = pointer.getContainer()) {
      int count = container.getCardinality();
      hash = 31 * hash + pointer.key();
      hash = 31 * hash + count;
      if (count <= DETAILED_LIMIT) {
        PeekableCharIterator members = container.getCharIterator();
        while (members.hasNext()) {
          hash = 31 * hash + members.next();
        }
      } else {
        hash = 31 * hash + container.first();
        hash = 31 * hash + container.last();
      }
    }
    // 0 marks "not computed" in NodeSet's cache.
    return hash == 0 ? 1 : hash;
  }
}
