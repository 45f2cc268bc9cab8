package org.hpq.hprof.dominators;

import java.util.Objects;
import org.hpq.hprof.dominators.internal.Bits;
import org.hpq.hprof.dominators.internal.DominatorBuilder;
import org.hpq.hprof.store.BigArrays;
import org.hpq.hprof.store.IntArray;
import org.hpq.hprof.store.LongArray;

/**
 * The dominator tree of an {@link ObjectGraph} and the retained size of every object.
 *
 * <p>Semantics (heapy's, see {@code docs/heapy-for-java.md} section 1): a virtual root R has an
 * edge to every GC-root object. An object is <em>strongly reachable</em> when reachable from R
 * over non-weak edges, <em>reachable</em> when reachable over all edges. The tree is over strong
 * edges: x dominates y when every strong path from R to y passes through x. Objects that are
 * reachable but not strongly reachable (weakly reachable only) hang directly under R when they are
 * the target of a weak edge from a reachable object ({@link #isWeakRoot weak roots}), and among
 * them the ordinary dominator relation holds over strong edges; a strong edge from such an object
 * into a strongly reachable object is ignored. Unreachable objects are not in the tree.
 *
 * <p>{@code retained(x) = shallow(x) + sum of retained(c) over the tree children c of x}: the
 * bytes freed if x were freed.
 *
 * <p>Immutable once computed; safe for concurrent reads.
 */
public final class DominatorTree {
  /** The immediate dominator of an object whose immediate dominator is the virtual root. */
  public static final int ROOT = -1;

  /** The immediate dominator recorded for an object that is not reachable at all. */
  public static final int UNREACHABLE = -2;

  private final IntArray immediateDominators;
  private final LongArray retainedSizes;
  private final LongArray stronglyReachableBits;
  private final LongArray weakRootBits;

  private DominatorTree(
      IntArray immediateDominators,
      LongArray retainedSizes,
      LongArray stronglyReachableBits,
      LongArray weakRootBits) {
    this.immediateDominators = Objects.requireNonNull(immediateDominators);
    this.retainedSizes = Objects.requireNonNull(retainedSizes);
    this.stronglyReachableBits = Objects.requireNonNull(stronglyReachableBits);
    this.weakRootBits = Objects.requireNonNull(weakRootBits);
    long nodes = immediateDominators.size();
    if (nodes > Integer.MAX_VALUE
        || retainedSizes.size() < nodes
        || stronglyReachableBits.size() < Bits.words(nodes)
        || weakRootBits.size() < Bits.words(nodes)) {
      throw new IllegalArgumentException("arrays of a dominator tree disagree on its node count");
    }
  }

  /**
   * Computes the tree in O(m α(m, n)) time (semi-NCA with a balanced, path-compressed link-eval
   * forest; in practice near linear), without recursion and without per-node objects.
   *
   * <p>Writes no file itself: the four result arrays come from {@code results} (named {@code
   * immediate-dominators} ({@code nodeCount} ints), {@code retained-sizes} ({@code nodeCount}
   * longs), {@code strongly-reachable} and {@code weak-roots} (bit sets of {@code
   * ceil(nodeCount/64)} longs)). Scratch arrays (about 40 bytes a node plus 4 to 12 bytes an edge,
   * and four bit sets) come from {@code scratch} and are closed before returning; the Java heap
   * use is a few small buffers when {@code scratch} maps large arrays.
   *
   * @throws java.util.concurrent.CancellationException if {@code monitor} says so
   */
  public static DominatorTree compute(
      ObjectGraph graph, BigArrays scratch, ResultArrays results, TaskMonitor monitor) {
    return compute(graph, scratch, results, monitor, () -> {});
  }

  /**
   * {@link #compute} for a graph whose inbound edges are still being written by other threads:
   * the depth-first numbering reads only the outbound edges and the roots, and {@code
   * inboundReady} is run before anything reads the inbound edges; it returns once they are
   * complete (and visible to this thread, as {@code Thread.join} makes them), or throws.
   */
  public static DominatorTree compute(
      ObjectGraph graph, BigArrays scratch, ResultArrays results, TaskMonitor monitor, Runnable inboundReady) {
    return DominatorBuilder.build(graph, scratch, results, monitor, inboundReady);
  }

  /** {@link #compute} with all arrays, results included, from {@code arrays}. */
  public static DominatorTree compute(ObjectGraph graph, BigArrays arrays, TaskMonitor monitor) {
    return compute(graph, arrays, ResultArrays.of(arrays), monitor);
  }

  /**
   * Wraps arrays computed earlier (e.g. mapped from an index), in the layout {@link #compute}
   * writes. Not copied.
   */
  public static DominatorTree of(
      IntArray immediateDominators,
      LongArray retainedSizes,
      LongArray stronglyReachableBits,
      LongArray weakRootBits) {
    return new DominatorTree(
        immediateDominators, retainedSizes, stronglyReachableBits, weakRootBits);
  }

  public int nodeCount() {
    return (int) immediateDominators.size();
  }

  /**
   * The immediate dominator of {@code node}: an object index, {@link #ROOT} when it is the
   * virtual root, {@link #UNREACHABLE} when {@code node} is not reachable.
   */
  public int immediateDominator(int node) {
    return immediateDominators.get(node);
  }

  /** Retained size of {@code node} in bytes; 0 for unreachable objects. */
  public long retainedSize(int node) {
    return retainedSizes.get(node);
  }

  /** Whether {@code node} is reachable from the roots over any edges (so it is in the tree). */
  public boolean isReachable(int node) {
    return immediateDominators.get(node) != UNREACHABLE;
  }

  /** Whether {@code node} is reachable from the roots over strong edges. */
  public boolean isStronglyReachable(int node) {
    return Bits.get(stronglyReachableBits, node);
  }

  /**
   * Whether {@code node} is weakly reachable only and the target of a weak edge from a reachable
   * object, which makes it a child of the virtual root.
   */
  public boolean isWeakRoot(int node) {
    return Bits.get(weakRootBits, node);
  }

  /** Whether {@code ancestor} is {@code node} or one of its dominators; walks up the tree. */
  public boolean dominates(int ancestor, int node) {
    if (!isReachable(node) || !isReachable(ancestor)) {
      return false;
    }
    for (int current = node; current != ROOT; current = immediateDominators.get(current)) {
      if (current == ancestor) {
        return true;
      }
    }
    return false;
  }

  /** The immediate dominators, one int per node; see {@link #immediateDominator}. */
  public IntArray immediateDominators() {
    return immediateDominators;
  }

  /** The retained sizes, one long per node. */
  public LongArray retainedSizes() {
    return retainedSizes;
  }

  /** Bit set of the strongly reachable nodes (bit {@code n & 63} of word {@code n >>> 6}). */
  public LongArray stronglyReachableBits() {
    return stronglyReachableBits;
  }

  /** Bit set of the {@link #isWeakRoot weak roots}. */
  public LongArray weakRootBits() {
    return weakRootBits;
  }
}
