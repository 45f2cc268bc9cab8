package org.hpq.hprof.dominators;

import java.util.Objects;
import org.hpq.hprof.graph.Csr;
import org.hpq.hprof.store.BigArrays;
import org.hpq.hprof.store.LongArray;

/**
 * The object graph of a dump as the dominator, retained-set and path computations see it: objects
 * are dense ints {@code 0..nodeCount-1}; a virtual root (not an object) has one edge to each
 * entry of {@link #root(int) the roots}; {@code outbound} holds the object-to-object edges with
 * their weak bits ({@code Reference.referent}); {@code inbound} is its transpose, as built by
 * {@link Csr#transpose}: each node's sources in ascending order, same weak bits.
 *
 * <p>Immutable; safe for concurrent reads.
 */
public final class ObjectGraph {
  private final Csr outbound;
  private final Csr inbound;
  private final int[] roots;
  private final LongArray shallowSizes;

  private ObjectGraph(Csr outbound, Csr inbound, int[] roots, LongArray shallowSizes, boolean inboundComplete) {
    this.outbound = Objects.requireNonNull(outbound, "outbound");
    this.inbound = Objects.requireNonNull(inbound, "inbound");
    this.roots = roots.clone();
    this.shallowSizes = Objects.requireNonNull(shallowSizes, "shallowSizes");
    int nodes = outbound.nodeCount();
    if (inbound.nodeCount() != nodes || (inboundComplete && inbound.edgeCount() != outbound.edgeCount())) {
      throw new IllegalArgumentException(
          "inbound graph has "
              + inbound.nodeCount()
              + " nodes and "
              + inbound.edgeCount()
              + " edges, outbound "
              + nodes
              + " and "
              + outbound.edgeCount());
    }
    if (shallowSizes.size() < nodes) {
      throw new IllegalArgumentException(
          "shallow sizes for " + shallowSizes.size() + " of " + nodes + " nodes");
    }
    for (int index = 0; index < this.roots.length; index++) {
      if (this.roots[index] < 0 || this.roots[index] >= nodes) {
        throw new IllegalArgumentException(
            "root " + index + " is object " + this.roots[index] + ", not in 0.." + (nodes - 1));
      }
    }
  }

  /**
   * A graph from its parts.
   *
   * @param roots the GC-root objects, one entry per root record (duplicates allowed); copied
   * @throws IllegalArgumentException if the parts disagree on the node count or a root is out of
   *     range
   */
  public static ObjectGraph of(Csr outbound, Csr inbound, int[] roots, LongArray shallowSizes) {
    return new ObjectGraph(outbound, inbound, roots, shallowSizes, true);
  }

  /**
   * A graph whose inbound edges other threads are still writing (see the {@code DominatorTree}
   * computation with an {@code inboundReady} step): as {@link #of}, but the edge counts of the two
   * directions are not compared, since the inbound one is not known yet.
   */
  public static ObjectGraph withInboundPending(Csr outbound, Csr inbound, int[] roots, LongArray shallowSizes) {
    return new ObjectGraph(outbound, inbound, roots, shallowSizes, false);
  }

  /** A graph whose inbound edges are computed here with {@link Csr#transpose}. */
  public static ObjectGraph of(
      Csr outbound, int[] roots, LongArray shallowSizes, BigArrays arrays) {
    return new ObjectGraph(outbound, outbound.transpose(arrays), roots, shallowSizes, true);
  }

  public int nodeCount() {
    return outbound.nodeCount();
  }

  public Csr outbound() {
    return outbound;
  }

  public Csr inbound() {
    return inbound;
  }

  /** Number of root entries (root records), duplicates included. */
  public int rootCount() {
    return roots.length;
  }

  /** The object of root entry {@code index}. */
  public int root(int index) {
    return roots[index];
  }

  /** Shallow size of {@code node} in bytes. */
  public long shallowSize(int node) {
    return shallowSizes.get(node);
  }

  public LongArray shallowSizes() {
    return shallowSizes;
  }
}
