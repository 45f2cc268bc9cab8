package org.hpq.hprof.dominators;

import java.util.Arrays;
import java.util.PrimitiveIterator;
import java.util.function.IntConsumer;
import java.util.function.IntPredicate;
import java.util.function.Supplier;
import java.util.stream.IntStream;
import org.hpq.hprof.dominators.internal.Bits;
import org.hpq.hprof.dominators.internal.CoverMemo;
import org.hpq.hprof.dominators.internal.RemovalWalk;
import org.hpq.hprof.dominators.internal.SetTops;
import org.hpq.hprof.store.BigArrays;
import org.hpq.hprof.store.LongArray;

/**
 * heapy's {@code dominos} and {@code domisize}: the objects that become unreachable, in the sense
 * of the {@link DominatorTree} (strong edges; weakly-reachable-only objects below the virtual
 * root), if every member of a set S were removed, the reachable members of S included. Objects
 * kept alive only jointly by two members count. Exact.
 *
 * <p>A set is given as a membership test plus an iterator over its members, so this class does
 * not depend on any set library. Unreachable members are ignored. Thread-safe if the arguments
 * are.
 *
 * <h2>When the tree alone is exact</h2>
 *
 * Call a reachable member <em>top</em> if none of its strict dominators is a member, and let U be
 * the union of the tree subtrees of the tops; U contains every reachable member. Every node of U
 * is lost (it is a member or is dominated by one). With at most one top t the answer is exactly
 * U = subtree(t), sum of sizes retained(t): a node y outside U is not dominated by t, so some
 * path of G' from R to y avoids t; that path never touches U, because any path entering U first
 * meets t (every node of U is dominated by t); so it avoids every member and y survives.
 *
 * <p>With two or more tops, objects outside U can be lost ("jointly retained"). If any is, then
 * one of them, j, has an immediate dominator d that survives, d has no edge to j, and tops lie in
 * two different child subtrees of d other than j's (a path from d to j that avoided S would save
 * j; if all tops below d that such paths meet were in one child subtree c of d, every path from d
 * to j would pass through c, so c, not d, would dominate j). The tree cannot rule this out
 * cheaply in general (d is often R itself), so such sets take a search of G': from the members
 * while they reach at most a third of the graph ({@link RemovalWalk#lost}, for sets of leaves
 * such as all {@code byte[]} of Strings), else from R not entering S ({@link #walk}).
 *
 * <p>Marking the dominators of the members and adding {@code retained(y)} for each object y met
 * whose subtree holds no member, without searching below y, would not be exact: y's subtree
 * survives whole, but edges leaving it can keep objects outside it alive. With {@code R -> u},
 * {@code R -> s1}, {@code u -> b}, {@code s1 -> b}, {@code b -> s2} and S = {s1, s2}, u holds no
 * member, b does (s2) and b survives through u only.
 */
public final class Dominos {
  private Dominos() {}

  /**
   * The total shallow size of {@code dominos} of the set, in bytes: {@code retained(t)} for a set
   * with at most one top member t (no graph search), else one search of the graph.
   *
   * @param member membership test of S
   * @param members the members of S, in any order, duplicates allowed
   * @param scratch allocator of scratch arrays (bit sets and a stack, closed before returning)
   * @throws java.util.concurrent.CancellationException if {@code monitor} says so
   */
  public static long domisize(
      ObjectGraph graph,
      DominatorTree tree,
      IntPredicate member,
      PrimitiveIterator.OfInt members,
      BigArrays scratch,
      TaskMonitor monitor) {
    return domisize(graph, tree, member, members, () -> scan(graph, member), scratch, monitor);
  }

  /**
   * {@link #domisize(ObjectGraph, DominatorTree, IntPredicate, PrimitiveIterator.OfInt, BigArrays,
   * TaskMonitor)} given a source of iterations over the members (asked at most twice), so that
   * the search from the members ({@link #lost}) need not scan every object for them.
   */
  public static long domisize(
      ObjectGraph graph,
      DominatorTree tree,
      IntPredicate member,
      Supplier<PrimitiveIterator.OfInt> members,
      BigArrays scratch,
      TaskMonitor monitor) {
    return domisize(graph, tree, member, members.get(), members, scratch, monitor);
  }

  private static long domisize(
      ObjectGraph graph,
      DominatorTree tree,
      IntPredicate member,
      PrimitiveIterator.OfInt members,
      Supplier<PrimitiveIterator.OfInt> again,
      BigArrays scratch,
      TaskMonitor monitor) {
    SetTops tops = SetTops.find(tree, member, members, scratch, monitor);
    if (tops.count() == 0) {
      return 0;
    }
    if (tops.count() == 1) {
      return tree.retainedSize(tops.first());
    }
    return search(graph, tree, member, again, null, scratch, monitor).totalSize();
  }

  /** {@link #domisize} of the set of the distinct values in {@code members}. */
  public static long domisize(
      ObjectGraph graph,
      DominatorTree tree,
      int[] members,
      BigArrays scratch,
      TaskMonitor monitor) {
    int[] sorted = sortedCopy(members);
    return domisize(
        graph, tree, node -> Arrays.binarySearch(sorted, node) >= 0,
        () -> Arrays.stream(sorted).iterator(), scratch, monitor);
  }

  /**
   * Gives every object of {@code dominos} of the set to {@code sink}, in ascending order, and
   * returns their count and total size. For a set with at most one top member this scans the
   * dominator tree (linear in the node count, no graph search); else one search of the graph.
   *
   * @throws java.util.concurrent.CancellationException if {@code monitor} says so
   */
  public static DominosSummary dominos(
      ObjectGraph graph,
      DominatorTree tree,
      IntPredicate member,
      PrimitiveIterator.OfInt members,
      IntConsumer sink,
      BigArrays scratch,
      TaskMonitor monitor) {
    return dominos(graph, tree, member, members, () -> scan(graph, member), sink, scratch, monitor);
  }

  /**
   * {@link #dominos(ObjectGraph, DominatorTree, IntPredicate, PrimitiveIterator.OfInt,
   * IntConsumer, BigArrays, TaskMonitor)} given a source of iterations over the members (asked at
   * most twice).
   */
  public static DominosSummary dominos(
      ObjectGraph graph,
      DominatorTree tree,
      IntPredicate member,
      Supplier<PrimitiveIterator.OfInt> members,
      IntConsumer sink,
      BigArrays scratch,
      TaskMonitor monitor) {
    return dominos(graph, tree, member, members.get(), members, sink, scratch, monitor);
  }

  private static DominosSummary dominos(
      ObjectGraph graph,
      DominatorTree tree,
      IntPredicate member,
      PrimitiveIterator.OfInt members,
      Supplier<PrimitiveIterator.OfInt> again,
      IntConsumer sink,
      BigArrays scratch,
      TaskMonitor monitor) {
    SetTops tops = SetTops.find(tree, member, members, scratch, monitor);
    if (tops.count() == 0) {
      return new DominosSummary(0, 0, DominosSummary.Method.TREE);
    }
    if (tops.count() == 1) {
      return subtree(graph, tree, tops.first(), sink, scratch, monitor);
    }
    return search(graph, tree, member, again, sink, scratch, monitor);
  }

  /** {@link #dominos} of the set of the distinct values in {@code members}. */
  public static DominosSummary dominos(
      ObjectGraph graph,
      DominatorTree tree,
      int[] members,
      IntConsumer sink,
      BigArrays scratch,
      TaskMonitor monitor) {
    int[] sorted = sortedCopy(members);
    return dominos(
        graph, tree, node -> Arrays.binarySearch(sorted, node) >= 0,
        () -> Arrays.stream(sorted).iterator(), sink, scratch, monitor);
  }

  /**
   * The retained set by a search of the graph, whatever the shape of the set: what {@link
   * #dominos} does for sets with several tops. Public so that callers and tests can compare.
   */
  public static DominosSummary walk(
      ObjectGraph graph,
      DominatorTree tree,
      IntPredicate member,
      IntConsumer sink,
      BigArrays scratch,
      TaskMonitor monitor) {
    long count = 0;
    long size = 0;
    try (LongArray survivors = RemovalWalk.survivors(graph, tree, member, scratch, monitor)) {
      for (int node = 0, nodes = graph.nodeCount(); node < nodes; node++) {
        if (tree.isReachable(node) && !Bits.get(survivors, node)) {
          count++;
          size += graph.shallowSize(node);
          if (sink != null) {
            sink.accept(node);
          }
        }
      }
    }
    return new DominosSummary(count, size, DominosSummary.Method.WALK);
  }

  /**
   * The retained set by a search from the members ({@link RemovalWalk#lost}), whatever the shape
   * of the set and however many objects the members reach: what {@link #dominos} does for sets
   * with several tops that reach at most a third of the graph. Public so that callers and tests
   * can compare.
   *
   * @param members the members of S, in any order, duplicates allowed
   */
  public static DominosSummary lost(
      ObjectGraph graph,
      DominatorTree tree,
      IntPredicate member,
      PrimitiveIterator.OfInt members,
      IntConsumer sink,
      BigArrays scratch,
      TaskMonitor monitor) {
    return lost(graph, tree, member, members, Long.MAX_VALUE, sink, scratch, monitor);
  }

  /** Searches from the members while they reach few objects, else from the roots. */
  private static DominosSummary search(
      ObjectGraph graph,
      DominatorTree tree,
      IntPredicate member,
      Supplier<PrimitiveIterator.OfInt> members,
      IntConsumer sink,
      BigArrays scratch,
      TaskMonitor monitor) {
    // Past a third of the graph the search from the members (which looks at what they reach up
    // to three times) costs about as much as the walk from the roots over what survives.
    long limit = graph.nodeCount() / 3;
    DominosSummary summary = lost(graph, tree, member, members.get(), limit, sink, scratch, monitor);
    return summary != null ? summary : walk(graph, tree, member, sink, scratch, monitor);
  }

  private static DominosSummary lost(
      ObjectGraph graph,
      DominatorTree tree,
      IntPredicate member,
      PrimitiveIterator.OfInt members,
      long limit,
      IntConsumer sink,
      BigArrays scratch,
      TaskMonitor monitor) {
    long count = 0;
    long size = 0;
    try (LongArray lost = RemovalWalk.lost(graph, tree, member, members, limit, scratch, monitor)) {
      if (lost == null) {
        return null;
      }
      for (long word = 0, words = Bits.words(graph.nodeCount()); word < words; word++) {
        long bits = lost.get(word);
        while (bits != 0) {
          int node = (int) ((word << 6) + Long.numberOfTrailingZeros(bits));
          bits &= bits - 1;
          count++;
          size += graph.shallowSize(node);
          if (sink != null) {
            sink.accept(node);
          }
        }
      }
    }
    return new DominosSummary(count, size, DominosSummary.Method.WALK);
  }

  /** The members of S by testing every object: for callers that gave a single iteration. */
  private static PrimitiveIterator.OfInt scan(ObjectGraph graph, IntPredicate member) {
    return IntStream.range(0, graph.nodeCount()).filter(member).iterator();
  }

  private static DominosSummary subtree(
      ObjectGraph graph,
      DominatorTree tree,
      int top,
      IntConsumer sink,
      BigArrays scratch,
      TaskMonitor monitor) {
    long count = 0;
    long size = 0;
    try (CoverMemo memo = new CoverMemo(tree, node -> node == top, scratch, monitor)) {
      for (int node = 0, nodes = graph.nodeCount(); node < nodes; node++) {
        if (tree.isReachable(node) && memo.isCovered(node)) {
          count++;
          size += graph.shallowSize(node);
          sink.accept(node);
        }
      }
    }
    return new DominosSummary(count, size, DominosSummary.Method.TREE);
  }

  private static int[] sortedCopy(int[] members) {
    int[] sorted = members.clone();
    Arrays.sort(sorted);
    return sorted;
  }
}
