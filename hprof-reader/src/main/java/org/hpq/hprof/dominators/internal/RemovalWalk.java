package org.hpq.hprof.dominators.internal;

import java.util.PrimitiveIterator;
import java.util.function.IntPredicate;
import org.hpq.hprof.dominators.DominatorTree;
import org.hpq.hprof.dominators.ObjectGraph;
import org.hpq.hprof.dominators.TaskMonitor;
import org.hpq.hprof.graph.Csr;
import org.hpq.hprof.store.BigArrays;
import org.hpq.hprof.store.IntArray;
import org.hpq.hprof.store.LongArray;

/**
 * Searches of the flow graph G' of the dominator tree (see {@link DominatorBuilder}) for what
 * removing a set S of objects makes unreachable. G' has an edge from the virtual root R to every
 * GC root and every weak root, and the strong edges {@code u -> v} of reachable objects, except
 * those from a weakly-reachable-only {@code u} into a strongly reachable {@code v}. Uses the
 * reachability flags of the tree, so it needs no second classification.
 *
 * <p>{@link #survivors} searches from R, not entering S: first the roots over strong edges
 * (which reach only strongly reachable objects), then the weak roots. Its cost follows what
 * survives, usually most of the heap.
 *
 * <p>{@link #lost} follows what can be lost instead, and its cost follows that. Let F be the
 * objects reachable in G' from the reachable members of S (S's own included). Every object
 * outside F survives: a path of G' from R to it cannot meet S, or the object would be in F. An
 * object x of F that is not a member survives if and only if some path from R to x avoids S;
 * cut such a path after its last node outside F (R itself if none): the next node is a "seed",
 * a non-member of F that is a GC or weak root or has a G' predecessor outside F (a survivor, as
 * just shown), and from there the path runs inside F without meeting S. So the survivors of F
 * are exactly what a search from the seeds, inside F and not entering S, reaches; the lost
 * objects are the rest of F. This takes one search forward from S, one look at the referrers of
 * F's non-members and one search from the seeds: worth it while F is small (a set of leaves, such
 * as every {@code byte[]} of Strings, has F = S).
 */
public final class RemovalWalk {
  private static final String PHASE = "set walk";

  private RemovalWalk() {}

  /**
   * The objects still reachable in G' once {@code removed} objects are deleted, as a bit set of
   * {@code nodeCount} bits from {@code scratch} (the caller closes it).
   *
   * @throws java.util.concurrent.CancellationException if {@code monitor} says so
   */
  public static LongArray survivors(
      ObjectGraph graph,
      DominatorTree tree,
      IntPredicate removed,
      BigArrays scratch,
      TaskMonitor monitor) {
    int nodeCount = graph.nodeCount();
    LongArray visited = Bits.allocate(scratch, nodeCount);
    try (IntArray stack = scratch.newIntArray(nodeCount)) {
      return walk(graph, tree, removed, monitor, visited, stack);
    } catch (RuntimeException e) {
      visited.close();
      throw e;
    }
  }

  private static LongArray walk(
      ObjectGraph graph,
      DominatorTree tree,
      IntPredicate removed,
      TaskMonitor monitor,
      LongArray visited,
      IntArray stack) {
    int nodeCount = graph.nodeCount();
    Csr outbound = graph.outbound();
    long size = 0;
    long steps = 0;
    for (int index = 0; index < graph.rootCount(); index++) {
      size = push(graph.root(index), removed, visited, stack, size);
    }
    boolean weakPhase = false;
    long weakWord = 0;
    long words = Bits.words(nodeCount);
    while (true) {
      while (size > 0) {
        int node = stack.get(--size);
        if ((++steps & 0xFFFF) == 0) {
          monitor.checkpoint(PHASE, steps, nodeCount);
        }
        for (long position = outbound.start(node), end = outbound.end(node);
            position < end;
            position++) {
          if (outbound.isWeak(node, position)) {
            continue;
          }
          int target = outbound.neighbour(node, position);
          // In the weak phase, edges into strongly reachable objects are not part of G'.
          if (!weakPhase || !tree.isStronglyReachable(target)) {
            size = push(target, removed, visited, stack, size);
          }
        }
      }
      // Weak roots, one word of the bit set at a time; every one is a successor of R.
      weakPhase = true;
      while (size == 0 && weakWord < words) {
        long candidates = tree.weakRootBits().get(weakWord);
        while (candidates != 0) {
          int node = (int) ((weakWord << 6) + Long.numberOfTrailingZeros(candidates));
          candidates &= candidates - 1;
          size = push(node, removed, visited, stack, size);
        }
        weakWord++;
      }
      if (size == 0) {
        return visited;
      }
    }
  }

  /**
   * The objects that removing {@code removed} makes unreachable in G' (the reachable members
   * included), as a bit set of {@code nodeCount} bits from {@code scratch} that the caller closes;
   * or null, having spent work in proportion to {@code limit}, when more than {@code limit}
   * objects are reachable from the members (then {@link #survivors} is the better search).
   *
   * @param members the members of {@code removed}, in any order, duplicates allowed
   * @throws java.util.concurrent.CancellationException if {@code monitor} says so
   */
  public static LongArray lost(
      ObjectGraph graph,
      DominatorTree tree,
      IntPredicate removed,
      PrimitiveIterator.OfInt members,
      long limit,
      BigArrays scratch,
      TaskMonitor monitor) {
    int nodeCount = graph.nodeCount();
    LongArray closure = Bits.allocate(scratch, nodeCount);
    boolean done = false;
    try (IntArray stack = scratch.newIntArray(nodeCount)) {
      long count = closure(graph, tree, members, limit, monitor, closure, stack);
      if (count < 0) {
        return null;
      }
      try (LongArray alive = Bits.allocate(scratch, nodeCount)) {
        long size = seeds(graph, tree, removed, closure, alive, stack, monitor);
        spread(graph, tree, removed, alive, stack, size, monitor);
        for (long word = 0, words = Bits.words(nodeCount); word < words; word++) {
          long survivors = alive.get(word);
          if (survivors != 0) {
            closure.set(word, closure.get(word) & ~survivors);
          }
        }
      }
      done = true;
      return closure;
    } finally {
      if (!done) {
        closure.close();
      }
    }
  }

  /**
   * Sets the bits of F (the objects reachable in G' from the reachable {@code members}) in {@code
   * closure}, using {@code stack}; returns their count, or -1 past {@code limit}.
   */
  private static long closure(
      ObjectGraph graph,
      DominatorTree tree,
      PrimitiveIterator.OfInt members,
      long limit,
      TaskMonitor monitor,
      LongArray closure,
      IntArray stack) {
    int nodeCount = graph.nodeCount();
    Csr outbound = graph.outbound();
    long count = 0;
    long size = 0;
    while (true) {
      // Depth first from the members met so far, so the stack stays short for sets of leaves.
      while (size > 0) {
        int node = stack.get(--size);
        boolean strong = tree.isStronglyReachable(node);
        for (long position = outbound.start(node), end = outbound.end(node); position < end; position++) {
          if (outbound.isWeak(node, position)) {
            continue;
          }
          int target = outbound.neighbour(node, position);
          if (!Bits.get(closure, target) && (strong || !tree.isStronglyReachable(target))) {
            if (count == limit) {
              return -1;
            }
            Bits.set(closure, target);
            stack.set(size++, target);
            if ((++count & 0xFFFF) == 0) {
              monitor.checkpoint(PHASE, count, nodeCount);
            }
          }
        }
      }
      if (!members.hasNext()) {
        return count;
      }
      int member = members.nextInt();
      if (tree.isReachable(member) && !Bits.get(closure, member)) {
        if (count == limit) {
          return -1;
        }
        Bits.set(closure, member);
        stack.set(size++, member);
        if ((++count & 0xFFFF) == 0) {
          monitor.checkpoint(PHASE, count, nodeCount);
        }
      }
    }
  }

  /**
   * Marks in {@code alive} and pushes on {@code stack} the seeds of F: its non-members that are
   * GC roots, weak roots, or targets of a G' edge from outside F. Returns the stack's size.
   */
  private static long seeds(
      ObjectGraph graph,
      DominatorTree tree,
      IntPredicate removed,
      LongArray closure,
      LongArray alive,
      IntArray stack,
      TaskMonitor monitor) {
    long size = 0;
    for (int index = 0; index < graph.rootCount(); index++) {
      int root = graph.root(index);
      if (Bits.get(closure, root)) {
        size = push(root, removed, alive, stack, size);
      }
    }
    Csr inbound = graph.inbound();
    long words = Bits.words(graph.nodeCount());
    for (long word = 0; word < words; word++) {
      if ((word & 0xFFFF) == 0xFFFF) {
        monitor.checkpoint(PHASE, word, words);
      }
      long candidates = closure.get(word);
      while (candidates != 0) {
        int node = (int) ((word << 6) + Long.numberOfTrailingZeros(candidates));
        candidates &= candidates - 1;
        if (Bits.get(alive, node) || removed.test(node)) {
          continue;
        }
        boolean seed = tree.isWeakRoot(node);
        boolean strong = tree.isStronglyReachable(node);
        for (long position = inbound.start(node), end = inbound.end(node); !seed && position < end; position++) {
          if (inbound.isWeak(position)) {
            continue;
          }
          int source = inbound.neighbour(position);
          // A G' edge from a reachable object outside F, which therefore survives.
          seed = !Bits.get(closure, source)
              && tree.isReachable(source)
              && (!strong || tree.isStronglyReachable(source));
        }
        if (seed) {
          size = push(node, removed, alive, stack, size);
        }
      }
    }
    return size;
  }

  /** Marks in {@code alive} everything G' reaches from the stacked nodes without entering S. */
  private static void spread(
      ObjectGraph graph,
      DominatorTree tree,
      IntPredicate removed,
      LongArray alive,
      IntArray stack,
      long size,
      TaskMonitor monitor) {
    Csr outbound = graph.outbound();
    long steps = 0;
    while (size > 0) {
      int node = stack.get(--size);
      if ((++steps & 0xFFFF) == 0) {
        monitor.checkpoint(PHASE, steps, graph.nodeCount());
      }
      boolean strong = tree.isStronglyReachable(node);
      for (long position = outbound.start(node), end = outbound.end(node); position < end; position++) {
        if (outbound.isWeak(node, position)) {
          continue;
        }
        int target = outbound.neighbour(node, position);
        if (strong || !tree.isStronglyReachable(target)) {
          size = push(target, removed, alive, stack, size);
        }
      }
    }
  }

  private static long push(
      int node, IntPredicate removed, LongArray visited, IntArray stack, long size) {
    if (Bits.get(visited, node) || removed.test(node)) {
      return size;
    }
    Bits.set(visited, node);
    stack.set(size, node);
    return size + 1;
  }
}
