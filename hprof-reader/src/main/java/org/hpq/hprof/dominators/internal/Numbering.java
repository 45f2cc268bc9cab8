package org.hpq.hprof.dominators.internal;

import java.util.Arrays;
import org.hpq.hprof.dominators.ObjectGraph;
import org.hpq.hprof.dominators.TaskMonitor;
import org.hpq.hprof.graph.Csr;
import org.hpq.hprof.store.BigArrays;
import org.hpq.hprof.store.IntArray;
import org.hpq.hprof.store.LongArray;

/**
 * Step 1 of the dominator computation: a depth-first search of the flow graph G' (see {@link
 * DominatorBuilder}) from the virtual root R, numbering nodes in preorder. R is number 0; the
 * strongly reachable objects get {@code 1..strongCount}, the weakly-reachable-only objects the
 * numbers after that.
 *
 * <p>The search keeps a stack of edges, not of nodes: visiting a node reads its whole edge list
 * once and pushes (target, parent number) for every strong edge to a target not yet visited;
 * popping an entry whose target was visited meanwhile skips it. This is a genuine depth-first
 * search (the one that takes each node's edges last to first), never returns to a node's edge
 * list, and looks at all targets of a node together, so that their cache misses overlap instead
 * of forming one chain. Visited nodes are a bit set, eight times denser than the numbers.
 */
final class Numbering {
  private static final String PHASE = "numbering";
  /** Numbers handed out at least between two makings of {@link #pendingBits}. */
  private static final int BITS_INTERVAL = 1 << 22;

  private final ObjectGraph graph;
  private final TaskMonitor monitor;
  private final int nodeCount;
  private final BigArrays scratch;

  /** Preorder number of each node; 0 for unreachable nodes. */
  final IntArray numberOf;
  /** Node of each number; index 0 (R) and indexes from count() are never written. */
  final IntArray vertex;
  /** DFS parent number of each number (from 1); lent by the caller. */
  final IntArray parent;
  /** Objects listed as GC roots. */
  final LongArray rootBits;
  /** Targets of a weak edge from a reachable object. */
  final LongArray weakTargetBits;
  /** Objects reachable only through some weak edge. */
  final LongArray weakOnlyBits;
  /** Numbered objects: the reachable ones. */
  final LongArray visitedBits;

  private int nextNumber = 1;
  private int strongCount;
  /**
   * Whether implicit edges must still be read: until every node one may lead to is visited. An
   * implicit edge (an object's edge to its class) is read from another array than the stored
   * ones, at a cache miss a node, so the search reads it only where it may lead to a node not
   * visited yet: see {@link #pendingBits}.
   */
  private boolean implicitEdges;
  /** The first {@code pendingCount} entries: implicit targets not seen visited yet. */
  private int[] pendingTargets;
  private int pendingCount;
  /**
   * Null, or one bit a node: set where the node's implicit edge led to a node not visited when
   * the bits were made. A clear bit means the implicit edge leads to a visited node (nodes stay
   * visited), so the search need not read it. Made from the implicit edges (one sequential pass)
   * once some target is visited, and again when half as many are pending as at the last making.
   */
  private LongArray pendingBits;
  private int pendingAtBits;
  private int numberAtBits;

  /**
   * Allocates the arrays from {@code scratch}, except {@code parent}, which must hold an int for
   * each number {@code 1..nodeCount}.
   */
  Numbering(ObjectGraph graph, IntArray parent, BigArrays scratch, TaskMonitor monitor) {
    this.graph = graph;
    this.monitor = monitor;
    this.scratch = scratch;
    this.nodeCount = graph.nodeCount();
    this.numberOf = scratch.newIntArray(nodeCount);
    this.vertex = scratch.newUninitializedIntArray(nodeCount + 1L);
    this.parent = parent;
    this.rootBits = Bits.allocate(scratch, nodeCount);
    this.weakTargetBits = Bits.allocate(scratch, nodeCount);
    this.weakOnlyBits = Bits.allocate(scratch, nodeCount);
    this.visitedBits = Bits.allocate(scratch, nodeCount);
  }

  /**
   * Numbers every reachable node; {@code worklist} (at least nodeCount ints, all zero) is scratch
   * and is left all zero.
   */
  void run(IntArray worklist) {
    try {
      numberAll(worklist);
    } finally {
      if (pendingBits != null) {
        pendingBits.close();
        pendingBits = null;
      }
    }
  }

  private void numberAll(IntArray worklist) {
    implicitEdges = graph.outbound().hasImplicitEdges();
    if (implicitEdges) {
      pendingTargets = graph.outbound().implicitTargets();
      pendingCount = pendingTargets.length;
      pendingAtBits = pendingCount;
      numberAtBits = -BITS_INTERVAL;
    }
    for (int index = 0; index < graph.rootCount(); index++) {
      Bits.set(rootBits, graph.root(index));
    }
    try (LongStack stack = new LongStack(scratch, 1 + graph.outbound().edgeCount() / 16)) {
      // R's successors, part 1: the roots, in the order given. Only strong edges are followed,
      // so this numbers exactly the strongly reachable objects, and it marks every weak target
      // seen.
      for (int index = 0; index < graph.rootCount(); index++) {
        int root = graph.root(index);
        if (!Bits.get(visitedBits, root)) {
          search(root, stack);
        }
      }
      strongCount = nextNumber - 1;
      findWeakOnly(worklist);
      // R's successors, part 2: the weak roots (weakly-reachable-only targets of a weak edge).
      // All are known before this loop starts, so R's edge list is complete and the search stays
      // a genuine depth-first search of G'. A strong edge from such an object leads only to
      // unnumbered weakly-reachable-only objects or to numbered ones, never to a new strong one.
      for (long word = 0, words = Bits.words(nodeCount); word < words; word++) {
        long candidates = weakTargetBits.get(word) & weakOnlyBits.get(word);
        while (candidates != 0) {
          int node = (int) ((word << 6) + Long.numberOfTrailingZeros(candidates));
          candidates &= candidates - 1;
          if (!Bits.get(visitedBits, node)) {
            search(node, stack);
          }
        }
      }
    }
  }

  /**
   * Sets the bit of every node whose implicit edge leads to a node not visited yet: one pass over
   * the implicit edges in node order.
   */
  private void makePendingBits(int number) {
    if (pendingBits == null) {
      pendingBits = Bits.allocate(scratch, nodeCount);
    }
    // The pending targets as a bit set on the heap, so that the pass below reads only arrays.
    long[] pending = new long[(int) Bits.words(nodeCount)];
    for (int index = 0; index < pendingCount; index++) {
      int target = pendingTargets[index];
      pending[target >>> 6] |= 1L << target;
    }
    int[] targets = new int[1 << 14];
    long[] words = new long[targets.length / 64];
    Csr outbound = graph.outbound();
    for (int base = 0; base < nodeCount; base += targets.length) {
      int length = Math.min(targets.length, nodeCount - base);
      outbound.implicitNeighbours(base, targets, 0, length);
      Arrays.fill(words, 0);
      for (int i = 0; i < length; i++) {
        int target = targets[i];
        if (target >= 0 && (pending[target >>> 6] & (1L << target)) != 0) {
          words[i >>> 6] |= 1L << i;
        }
      }
      pendingBits.set(base >>> 6, words, 0, (length + 63) >>> 6);
    }
    pendingAtBits = pendingCount;
    numberAtBits = number;
  }

  /** Drops the visited nodes from the pending implicit targets; whether any is left. */
  private boolean implicitTargetsPending() {
    int kept = 0;
    for (int index = 0; index < pendingCount; index++) {
      if (!Bits.get(visitedBits, pendingTargets[index])) {
        pendingTargets[kept++] = pendingTargets[index];
      }
    }
    pendingCount = kept;
    return kept > 0;
  }

  /** Number of numbers handed out, R included. */
  int count() {
    return nextNumber;
  }

  /** Numbers {@code 1..strongCount()} are the strongly reachable objects. */
  int strongCount() {
    return strongCount;
  }

  /** Depth-first search over strong edges into unnumbered nodes, from {@code start} (R's child). */
  private void search(int start, LongStack stack) {
    Csr outbound = graph.outbound();
    LongArray offsets = outbound.offsets();
    IntArray neighbours = outbound.neighbours();
    LongArray weakBits = outbound.weakBits();
    stack.push(((long) start << 32) | 0);
    while (!stack.isEmpty()) {
      long entry = stack.pop();
      int node = (int) (entry >>> 32);
      long word = node >>> 6;
      long bit = 1L << (node & 63);
      long visited = visitedBits.get(word);
      if ((visited & bit) != 0) {
        continue;
      }
      visitedBits.set(word, visited | bit);
      // Read first, so that its cache miss overlaps those of the offsets and the targets.
      int implicitTarget =
          implicitEdges && (pendingBits == null || Bits.get(pendingBits, node)) ? outbound.implicitNeighbour(node) : -1;
      int number = nextNumber++;
      numberOf.set(node, number);
      vertex.set(number, node);
      parent.set(number, (int) entry);
      if ((number & 0xFFFF) == 0) {
        monitor.checkpoint(PHASE, number, nodeCount);
        if (implicitEdges) {
          implicitEdges = implicitTargetsPending();
          // Made once some target is visited, and again when half as many are pending as at the
          // last making, at most every BITS_INTERVAL numbers: a making reads all implicit edges.
          boolean fewer = pendingBits == null ? pendingCount < pendingAtBits : pendingCount <= pendingAtBits / 2;
          if (implicitEdges && fewer && number - numberAtBits >= BITS_INTERVAL) {
            makePendingBits(number);
          }
        }
      }
      long numberBits = number & 0xFFFFFFFFL;
      // The stored edges, then the implicit one (never weak), as the graph lists them.
      for (long position = offsets.get(node), end = offsets.get(node + 1L); position < end; position++) {
        int target = neighbours.get(position);
        if (weakBits != null && (weakBits.get(position >>> 6) & (1L << (position & 63))) != 0) {
          Bits.set(weakTargetBits, target);
        } else if (!Bits.get(visitedBits, target)) {
          stack.push(((long) target << 32) | numberBits);
        }
      }
      if (implicitTarget >= 0 && !Bits.get(visitedBits, implicitTarget)) {
        stack.push(((long) implicitTarget << 32) | numberBits);
      }
    }
  }

  /**
   * Marks the weakly-reachable-only objects: everything reachable over any edge from the weak
   * targets that are not strongly reachable, without entering strongly reachable objects. Also
   * marks the targets of weak edges leaving those objects.
   */
  private void findWeakOnly(IntArray worklist) {
    Csr outbound = graph.outbound();
    long size = 0;
    for (long word = 0, words = Bits.words(nodeCount); word < words; word++) {
      long candidates = weakTargetBits.get(word) & ~visitedBits.get(word);
      weakOnlyBits.set(word, candidates);
      while (candidates != 0) {
        worklist.set(size++, (int) ((word << 6) + Long.numberOfTrailingZeros(candidates)));
        candidates &= candidates - 1;
      }
    }
    long steps = 0;
    long used = size;
    while (size > 0) {
      int node = worklist.get(--size);
      if ((++steps & 0xFFFF) == 0) {
        monitor.checkpoint("weak-reachability", steps, -1);
      }
      for (long position = outbound.start(node), end = outbound.end(node);
          position < end;
          position++) {
        int target = outbound.neighbour(node, position);
        if (Bits.get(visitedBits, target)) {
          continue;
        }
        if (outbound.isWeak(node, position)) {
          Bits.set(weakTargetBits, target);
        }
        if (!Bits.get(weakOnlyBits, target)) {
          Bits.set(weakOnlyBits, target);
          worklist.set(size++, target);
          used = Math.max(used, size);
        }
      }
    }
    worklist.fill(0, used, 0);
  }
}
