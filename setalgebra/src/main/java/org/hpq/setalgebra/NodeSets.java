package org.hpq.setalgebra;

import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import org.roaringbitmap.FastAggregation;
import org.roaringbitmap.RoaringBitmap;

/**
 * The set algebra as pure static functions over {@link NodeSet}s, in the style of Roaring's
 * static operations. No argument is ever modified; results are new sets. Every function is
 * thread-safe and runs in time proportional to the compressed sizes of its arguments.
 *
 * <p>The counting functions ({@link #andCardinality} ...) give the size of a result without
 * building it.
 */
public final class NodeSets {

  private NodeSets() {}

  /** The intersection {@code first & second}. */
  public static NodeSet and(NodeSet first, NodeSet second) {
    return NodeSet.own(RoaringBitmap.and(first.bits(), second.bits()));
  }

  /** The union {@code first | second}. */
  public static NodeSet or(NodeSet first, NodeSet second) {
    return NodeSet.own(RoaringBitmap.or(first.bits(), second.bits()));
  }

  /** The difference {@code first - second}. */
  public static NodeSet andNot(NodeSet first, NodeSet second) {
    return NodeSet.own(RoaringBitmap.andNot(first.bits(), second.bits()));
  }

  /** The symmetric difference {@code first ^ second}. */
  public static NodeSet xor(NodeSet first, NodeSet second) {
    return NodeSet.own(RoaringBitmap.xor(first.bits(), second.bits()));
  }

  /**
   * The members of {@code [0, universeSize)} not in {@code set}.
   *
   * @throws IllegalArgumentException if {@code universeSize < 0}
   */
  public static NodeSet complement(NodeSet set, int universeSize) {
    if (universeSize < 0) {
      throw new IllegalArgumentException("negative universe size " + universeSize);
    }
    RoaringBitmap flipped = RoaringBitmap.flip(set.bits(), 0L, (long) universeSize);
    // flip leaves members beyond the universe alone; they are not in the complement.
    if (!set.isEmpty() && set.last() >= universeSize) {
      flipped.remove((long) universeSize, 1L << 32);
    }
    return NodeSet.own(flipped);
  }

  /** The union of all the sets; the empty set when there are none. */
  public static NodeSet or(Collection<NodeSet> sets) {
    if (sets.isEmpty()) {
      return NodeSet.empty();
    }
    return NodeSet.own(FastAggregation.or(bitmaps(sets).iterator()));
  }

  /**
   * The intersection of all the sets.
   *
   * @throws IllegalArgumentException if there are none (the intersection of nothing is the
   *     universe, which a node set does not know)
   */
  public static NodeSet and(Collection<NodeSet> sets) {
    if (sets.isEmpty()) {
      throw new IllegalArgumentException("intersection of no sets");
    }
    return NodeSet.own(FastAggregation.naive_and(bitmaps(sets).iterator()));
  }

  /** The number of members of {@code first & second}. */
  public static long andCardinality(NodeSet first, NodeSet second) {
    return unsigned(RoaringBitmap.andCardinality(first.bits(), second.bits()));
  }

  /** The number of members of {@code first | second}. */
  public static long orCardinality(NodeSet first, NodeSet second) {
    return unsigned(RoaringBitmap.orCardinality(first.bits(), second.bits()));
  }

  /** The number of members of {@code first - second}. */
  public static long andNotCardinality(NodeSet first, NodeSet second) {
    return unsigned(RoaringBitmap.andNotCardinality(first.bits(), second.bits()));
  }

  /** The number of members of {@code first ^ second}. */
  public static long xorCardinality(NodeSet first, NodeSet second) {
    return unsigned(RoaringBitmap.xorCardinality(first.bits(), second.bits()));
  }

  private static List<RoaringBitmap> bitmaps(Collection<NodeSet> sets) {
    List<RoaringBitmap> bitmaps = new ArrayList<>(sets.size());
    for (NodeSet set : sets) {
      bitmaps.add(set.bits());
    }
    return bitmaps;
  }

  /**
   * Roaring counts in an int; members are below 2^31, so a count is at most 2^31 and wraps at
   * most once past the sign bit, which the unsigned reading undoes.
   */
  private static long unsigned(int count) {
    return Integer.toUnsignedLong(count);
  }
}
