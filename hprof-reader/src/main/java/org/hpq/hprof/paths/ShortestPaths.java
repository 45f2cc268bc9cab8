package org.hpq.hprof.paths;

import java.util.ArrayList;
import java.util.List;
import java.util.function.IntPredicate;
import org.hpq.hprof.dominators.ObjectGraph;
import org.hpq.hprof.dominators.TaskMonitor;
import org.hpq.hprof.graph.Csr;
import org.hpq.hprof.paths.internal.PathEnumerator;
import org.hpq.hprof.store.BigArrays;
import org.hpq.hprof.store.IntArray;
import org.hpq.hprof.store.LongArray;

/**
 * heapy's {@code sp}: shortest paths from the virtual root (whose edges go to the GC-root
 * objects, one per root entry) to the nearest members of a target set, breadth first over the
 * object graph. Stateless; thread-safe if the arguments are.
 */
public final class ShortestPaths {
  private static final String PHASE = "shortest paths";

  private ShortestPaths() {}

  /**
   * Searches breadth first until the first level holding a target, then counts all shortest
   * paths to the targets of that level and lists up to {@code maxPaths} of them. Time is linear
   * in the part of the graph closer than the targets; scratch space three arrays of {@code
   * nodeCount} (closed before returning).
   *
   * @param target membership test of the target set (an object or a set)
   * @param weakEdges whether weak edges may be used
   * @param maxPaths how many paths to list (0 to only count)
   * @throws java.util.concurrent.CancellationException if {@code monitor} says so
   */
  public static ShortestPathResult find(
      ObjectGraph graph,
      IntPredicate target,
      WeakEdges weakEdges,
      int maxPaths,
      BigArrays scratch,
      TaskMonitor monitor) {
    int nodeCount = graph.nodeCount();
    boolean skipWeak = weakEdges == WeakEdges.SKIP;
    try (IntArray level = scratch.newIntArray(nodeCount);
        LongArray counts = scratch.newLongArray(nodeCount);
        IntArray queue = scratch.newIntArray(nodeCount)) {
      long tail = 0;
      for (int index = 0; index < graph.rootCount(); index++) {
        int root = graph.root(index);
        if (level.get(root) == 0) {
          level.set(root, 1);
          queue.set(tail++, root);
        }
        // Each root entry is its own edge from the virtual root.
        counts.set(root, saturatedAdd(counts.get(root), 1));
      }
      Csr outbound = graph.outbound();
      long head = 0;
      for (int distance = 1; head < tail; distance++) {
        long levelEnd = tail;
        long targets = 0;
        long paths = 0;
        for (long position = head; position < levelEnd; position++) {
          int node = queue.get(position);
          if (target.test(node)) {
            targets++;
            paths = saturatedAdd(paths, counts.get(node));
          }
        }
        if (targets > 0) {
          List<ReferencePath> listed = new ArrayList<>();
          PathEnumerator enumerator = new PathEnumerator(graph, level, skipWeak, monitor);
          for (long position = head; position < levelEnd && listed.size() < maxPaths; position++) {
            int node = queue.get(position);
            if (target.test(node)) {
              enumerator.enumerate(node, distance, maxPaths, listed);
            }
          }
          return new ShortestPathResult(distance, paths, targets, listed);
        }
        for (long position = head; position < levelEnd; position++) {
          if ((position & 0xFFFF) == 0) {
            monitor.checkpoint(PHASE, position, nodeCount);
          }
          int node = queue.get(position);
          long count = counts.get(node);
          for (long edge = outbound.start(node), end = outbound.end(node); edge < end; edge++) {
            if (skipWeak && outbound.isWeak(node, edge)) {
              continue;
            }
            int next = outbound.neighbour(node, edge);
            int nextLevel = level.get(next);
            if (nextLevel == 0) {
              level.set(next, distance + 1);
              counts.set(next, count);
              queue.set(tail++, next);
            } else if (nextLevel == distance + 1) {
              counts.set(next, saturatedAdd(counts.get(next), count));
            }
          }
        }
        head = levelEnd;
      }
      return ShortestPathResult.none();
    }
  }

  /** {@code a + b} for non-negative counts, {@link Long#MAX_VALUE} on overflow. */
  static long saturatedAdd(long a, long b) {
    long sum = a + b;
    return sum < 0 ? Long.MAX_VALUE : sum;
  }
}
