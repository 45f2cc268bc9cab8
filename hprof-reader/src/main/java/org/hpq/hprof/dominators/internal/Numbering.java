package org.hpq.hprof.dominators.internal;

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
 * <p>The search is iterative and keeps no stack: each node's DFS parent is in {@link #parent} and
 * its next edge offset in {@link #cursor}, so going back up is following the parent.
 */
final class Numbering {
  private static final String PHASE = "numbering";

  private final ObjectGraph graph;
  private final TaskMonitor monitor;
  private final int nodeCount;

  /** Preorder number of each node; 0 while unvisited (and for unreachable nodes). */
  final IntArray numberOf;
  /** Node of each number; index 0 (R) unused. */
  final IntArray vertex;
  /** DFS parent number of each number. */
  final IntArray parent;
  /** Edge offset to resume at, per number; free for other use once numbering is done. */
  final IntArray cursor;
  /** Objects listed as GC roots. */
  final LongArray rootBits;
  /** Targets of a weak edge from a reachable object. */
  final LongArray weakTargetBits;
  /** Objects reachable only through some weak edge. */
  final LongArray weakOnlyBits;

  private int nextNumber = 1;
  private int strongCount;

  Numbering(ObjectGraph graph, BigArrays scratch, TaskMonitor monitor) {
    this.graph = graph;
    this.monitor = monitor;
    this.nodeCount = graph.nodeCount();
    this.numberOf = scratch.newIntArray(nodeCount);
    this.vertex = scratch.newIntArray(nodeCount + 1L);
    this.parent = scratch.newIntArray(nodeCount + 1L);
    this.cursor = scratch.newIntArray(nodeCount + 1L);
    this.rootBits = Bits.allocate(scratch, nodeCount);
    this.weakTargetBits = Bits.allocate(scratch, nodeCount);
    this.weakOnlyBits = Bits.allocate(scratch, nodeCount);
  }

  /** Numbers every reachable node; {@code worklist} (at least nodeCount longs) is scratch. */
  void run(LongArray worklist) {
    for (int index = 0; index < graph.rootCount(); index++) {
      Bits.set(rootBits, graph.root(index));
    }
    // R's successors, part 1: the roots, in the order given. Only strong edges are followed, so
    // this numbers exactly the strongly reachable objects, and it marks every weak target seen.
    for (int index = 0; index < graph.rootCount(); index++) {
      int root = graph.root(index);
      if (numberOf.get(root) == 0) {
        search(root);
      }
    }
    strongCount = nextNumber - 1;
    findWeakOnly(worklist);
    // R's successors, part 2: the weak roots (weakly-reachable-only targets of a weak edge). All
    // are known before this loop starts, so R's edge list is complete and the search stays a
    // genuine depth-first search of G'. A strong edge from such an object leads only to
    // unnumbered weakly-reachable-only objects or to numbered ones, never to a new strong one.
    for (long word = 0, words = Bits.words(nodeCount); word < words; word++) {
      long candidates = weakTargetBits.get(word) & weakOnlyBits.get(word);
      while (candidates != 0) {
        int node = (int) ((word << 6) + Long.numberOfTrailingZeros(candidates));
        candidates &= candidates - 1;
        if (numberOf.get(node) == 0) {
          search(node);
        }
      }
    }
  }

  /** Number of numbers handed out, R included. */
  int count() {
    return nextNumber;
  }

  /** Numbers {@code 1..strongCount()} are the strongly reachable objects. */
  int strongCount() {
    return strongCount;
  }

  /** Whether R has an edge to {@code node} in G'. */
  boolean hasRootEdge(int node, boolean strong) {
    return strong ? Bits.get(rootBits, node) : Bits.get(weakTargetBits, node);
  }

  private int assign(int node, int parentNumber) {
    int number = nextNumber++;
    numberOf.set(node, number);
    vertex.set(number, node);
    parent.set(number, parentNumber);
    cursor.set(number, 0);
    if ((number & 0xFFFF) == 0) {
      monitor.checkpoint(PHASE, number, nodeCount);
    }
    return number;
  }

  /** Depth-first search over strong edges into unnumbered nodes, from {@code start} (R's child). */
  private void search(int start) {
    Csr outbound = graph.outbound();
    int first = assign(start, 0);
    int current = first;
    while (true) {
      int node = vertex.get(current);
      long base = outbound.start(node);
      int degree = (int) (outbound.end(node) - base);
      int offset = cursor.get(current);
      int next = -1;
      while (offset < degree) {
        long position = base + offset++;
        int target = outbound.neighbour(position);
        if (outbound.isWeak(position)) {
          Bits.set(weakTargetBits, target);
        } else if (numberOf.get(target) == 0) {
          next = target;
          break;
        }
      }
      if (next >= 0) {
        cursor.set(current, offset);
        current = assign(next, current);
      } else if (current == first) {
        return;
      } else {
        current = parent.get(current);
      }
    }
  }

  /**
   * Marks the weakly-reachable-only objects: everything reachable over any edge from the weak
   * targets that are not strongly reachable, without entering strongly reachable objects. Also
   * marks the targets of weak edges leaving those objects.
   */
  private void findWeakOnly(LongArray worklist) {
    Csr outbound = graph.outbound();
    long size = 0;
    for (long word = 0, words = Bits.words(nodeCount); word < words; word++) {
      long candidates = weakTargetBits.get(word);
      while (candidates != 0) {
        int node = (int) ((word << 6) + Long.numberOfTrailingZeros(candidates));
        candidates &= candidates - 1;
        if (numberOf.get(node) == 0) {
          Bits.set(weakOnlyBits, node);
          worklist.set(size++, node);
        }
      }
    }
    long steps = 0;
    while (size > 0) {
      int node = (int) worklist.get(--size);
      if ((++steps & 0xFFFF) == 0) {
        monitor.checkpoint("weak-reachability", steps, -1);
      }
      for (long position = outbound.start(node), end = outbound.end(node);
          position < end;
          position++) {
        int target = outbound.neighbour(position);
        if (numberOf.get(target) != 0) {
          continue;
        }
        if (outbound.isWeak(position)) {
          Bits.set(weakTargetBits, target);
        }
        if (!Bits.get(weakOnlyBits, target)) {
          Bits.set(weakOnlyBits, target);
          worklist.set(size++, target);
        }
      }
    }
  }
}
