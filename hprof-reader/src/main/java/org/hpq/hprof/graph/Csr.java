package org.hpq.hprof.graph;

import java.util.Arrays;
import java.util.BitSet;
import java.util.Objects;
import org.hpq.hprof.store.BigArrays;
import org.hpq.hprof.store.IntArray;
import org.hpq.hprof.store.LongArray;

/**
 * Adjacency lists in compressed sparse row form: the edges of node {@code n} occupy positions
 * {@code start(n)} (inclusive) to {@code end(n)} (exclusive), each with a neighbour and a flag
 * saying whether the edge is weak (a {@code java.lang.ref.Reference.referent}, which does not
 * keep its target alive). Immutable once built; safe for concurrent reads.
 *
 * <p>A graph may also give every node one <em>implicit</em> last edge, to a neighbour read from a
 * per-node array instead of the stored edges (an object's edge to its class: a third of a heap's
 * edges, held once in the class column instead of again in the edge arrays). Positions then
 * leave room for it: node {@code n}'s stored edges are at {@code offsets().get(n) + n} onwards and its
 * implicit edge, if it has one (a neighbour {@code >= 0}), right after them; implicit edges are
 * never weak. Positions of such a graph say which node they belong to only together with the
 * node, so its edges are read with {@link #neighbour(int, long)} and {@link #isWeak(int, long)}.
 */
public final class Csr {
  private final int nodeCount;
  private final LongArray offsets;
  private final IntArray neighbours;
  private final LongArray weakBits;
  /** Per node, the implicit last edge's neighbour or a negative number for none; or null. */
  private final IntArray implicit;
  private final long implicitCount;
  /** Every node an implicit edge may lead to, ascending, or null until {@link #implicitTargets} finds them. */
  private volatile int[] implicitTargets;

  /**
   * @param offsets {@code nodeCount + 1} ascending edge positions
   * @param neighbours one node index per edge position
   * @param weakBits one bit per edge position (bit {@code p & 63} of word {@code p >>> 6}), or
   *     null when no edge is weak
   */
  public Csr(LongArray offsets, IntArray neighbours, LongArray weakBits) {
    this(offsets, neighbours, weakBits, null, 0, new int[0]);
  }

  private Csr(
      LongArray offsets, IntArray neighbours, LongArray weakBits, IntArray implicit, long implicitCount,
      int[] implicitTargets) {
    this.nodeCount = Math.toIntExact(offsets.size() - 1);
    this.offsets = offsets;
    this.neighbours = neighbours;
    this.weakBits = weakBits;
    this.implicit = implicit;
    this.implicitCount = implicitCount;
    this.implicitTargets = implicitTargets;
  }

  /**
   * A graph whose nodes each have, besides the stored edges, an implicit last edge to {@code
   * implicit.get(n)} when that is not negative.
   *
   * @param offsets {@code nodeCount + 1} ascending positions of the stored edges
   * @param neighbours one node index per stored edge
   * @param weakBits one bit per stored edge, or null
   * @param implicit at least {@code nodeCount} entries
   * @param implicitCount how many entries of {@code implicit} are not negative
   * @param implicitTargets every node an implicit edge may lead to (more are allowed), or null to
   *     find them by reading {@code implicit} when asked
   */
  public static Csr withImplicitEdges(
      LongArray offsets, IntArray neighbours, LongArray weakBits, IntArray implicit, long implicitCount,
      int[] implicitTargets) {
    return new Csr(
        offsets, neighbours, weakBits, Objects.requireNonNull(implicit, "implicit"), implicitCount,
        implicitTargets == null ? null : Arrays.stream(implicitTargets).sorted().distinct().toArray());
  }

  /**
   * Every node an implicit edge may lead to, ascending (perhaps more): a search that has visited
   * them all can stop reading implicit edges, which then lead only to visited nodes.
   */
  public int[] implicitTargets() {
    int[] targets = implicitTargets;
    if (targets == null) {
      BitSet found = new BitSet();
      for (int node = 0; node < nodeCount; node++) {
        int target = implicit.get(node);
        if (target >= 0) {
          found.set(target);
        }
      }
      targets = found.stream().toArray();
      implicitTargets = targets;
    }
    return targets.clone();
  }

  public int nodeCount() {
    return nodeCount;
  }

  /** All edges, implicit ones included. */
  public long edgeCount() {
    return offsets.get(nodeCount) + implicitCount;
  }

  /** Whether nodes have an implicit last edge (see the class description). */
  public boolean hasImplicitEdges() {
    return implicit != null;
  }

  /** The implicit last edge's neighbour of {@code node}, or -1 if it has none. */
  public int implicitNeighbour(int node) {
    return implicit == null ? -1 : Math.max(-1, implicit.get(node));
  }

  /**
   * The implicit last edges' neighbours of nodes {@code from} to {@code from + count - 1} into
   * {@code into} from {@code offset}, each -1 where a node has none (all -1 in a graph without
   * implicit edges).
   */
  public void implicitNeighbours(int from, int[] into, int offset, int count) {
    if (implicit == null) {
      Arrays.fill(into, offset, offset + count, -1);
      return;
    }
    implicit.get(from, into, offset, count);
    for (int i = offset; i < offset + count; i++) {
      into[i] = Math.max(-1, into[i]);
    }
  }

  /** First edge position of {@code node}. */
  public long start(int node) {
    return implicit == null ? offsets.get(node) : offsets.get(node) + node;
  }

  /** One past the last edge position of {@code node}. */
  public long end(int node) {
    if (implicit == null) {
      return offsets.get(node + 1L);
    }
    return offsets.get(node + 1L) + node + (implicit.get(node) >= 0 ? 1 : 0);
  }

  /**
   * The neighbour at edge position {@code position}.
   *
   * @throws IllegalStateException for a graph with implicit edges, whose positions need their
   *     node: see {@link #neighbour(int, long)}
   */
  public int neighbour(long position) {
    if (implicit != null) {
      throw new IllegalStateException("a graph with implicit edges is read by node and position");
    }
    return neighbours.get(position);
  }

  /** The neighbour at edge position {@code position} of {@code node}. */
  public int neighbour(int node, long position) {
    if (implicit == null) {
      return neighbours.get(position);
    }
    long stored = position - node;
    return stored < offsets.get(node + 1L) ? neighbours.get(stored) : implicit.get(node);
  }

  /**
   * Whether the edge at {@code position} is weak.
   *
   * @throws IllegalStateException for a graph with implicit edges: see {@link #isWeak(int, long)}
   */
  public boolean isWeak(long position) {
    if (implicit != null) {
      throw new IllegalStateException("a graph with implicit edges is read by node and position");
    }
    return storedWeak(position);
  }

  /** Whether the edge at position {@code position} of {@code node} is weak. */
  public boolean isWeak(int node, long position) {
    if (implicit == null) {
      return storedWeak(position);
    }
    long stored = position - node;
    return stored < offsets.get(node + 1L) && storedWeak(stored);
  }

  private boolean storedWeak(long position) {
    return weakBits != null && (weakBits.get(position >>> 6) & (1L << (position & 63))) != 0;
  }

  /**
   * The positions of the stored edges, {@code nodeCount + 1} of them: node {@code n}'s stored
   * edges are at {@code offsets().get(n)} to {@code offsets().get(n + 1)} of {@link #neighbours()}
   * and {@link #weakBits()}, whether or not the graph has implicit edges.
   */
  public LongArray offsets() {
    return offsets;
  }

  public IntArray neighbours() {
    return neighbours;
  }

  /** The weak-edge bits, or null when no edge is weak. */
  public LongArray weakBits() {
    return weakBits;
  }

  /**
   * Builds the reverse graph: for every edge {@code u -> v} of this graph, implicit ones included,
   * an edge {@code v -> u} with the same weakness. Edges of each node keep ascending source order.
   * See {@link EdgeTransposer}: sequential passes, no per-edge objects.
   */
  public Csr transpose(BigArrays arrays) {
    Csr explicit = implicit == null ? this : explicit(arrays);
    long edges = explicit.edgeCount();
    LongArray reverseOffsets = arrays.newLongArray(nodeCount + 1L);
    IntArray reverseNeighbours = arrays.newIntArray(edges);
    LongArray reverseWeak = explicit.weakBits == null ? null : arrays.newLongArray((edges + 63) >>> 6);
    EdgeTransposer.transpose(
        nodeCount, explicit.offsets, explicit.neighbours, null, explicit.weakBits, reverseOffsets, reverseNeighbours,
        null, reverseWeak, arrays);
    return new Csr(reverseOffsets, reverseNeighbours, reverseWeak);
  }

  /** The same edges, the implicit ones stored after each node's others. */
  public Csr explicit(BigArrays arrays) {
    if (implicit == null) {
      return this;
    }
    long edges = edgeCount();
    LongArray newOffsets = arrays.newLongArray(nodeCount + 1L);
    IntArray newNeighbours = arrays.newIntArray(edges);
    LongArray newWeak = weakBits == null ? null : arrays.newLongArray((edges + 63) >>> 6);
    long next = 0;
    for (int node = 0; node < nodeCount; node++) {
      newOffsets.set(node, next);
      for (long p = start(node), end = end(node); p < end; p++, next++) {
        newNeighbours.set(next, neighbour(node, p));
        if (newWeak != null && isWeak(node, p)) {
          newWeak.set(next >>> 6, newWeak.get(next >>> 6) | (1L << (next & 63)));
        }
      }
    }
    newOffsets.set(nodeCount, next);
    return new Csr(newOffsets, newNeighbours, newWeak);
  }

  /**
   * Builds a graph on the heap from parallel edge arrays (for tests and small graphs). Edges are
   * grouped by source in the order given.
   */
  public static Csr fromEdges(int nodeCount, int[] sources, int[] targets, boolean[] weak) {
    long[] offsets = new long[nodeCount + 1];
    for (int source : sources) {
      offsets[source + 1]++;
    }
    for (int n = 0; n < nodeCount; n++) {
      offsets[n + 1] += offsets[n];
    }
    long[] cursor = Arrays.copyOf(offsets, nodeCount);
    int[] neighbours = new int[sources.length];
    long[] bits = weak == null ? null : new long[(sources.length + 63) >>> 6];
    for (int i = 0; i < sources.length; i++) {
      int position = (int) cursor[sources[i]]++;
      neighbours[position] = targets[i];
      if (bits != null && weak[i]) {
        bits[position >>> 6] |= 1L << (position & 63);
      }
    }
    return new Csr(
        BigArrays.wrap(offsets), BigArrays.wrap(neighbours), bits == null ? null : BigArrays.wrap(bits));
  }
}
