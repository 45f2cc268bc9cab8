package org.hpq.hprof.paths.internal;

import java.util.List;
import org.hpq.hprof.dominators.ObjectGraph;
import org.hpq.hprof.dominators.TaskMonitor;
import org.hpq.hprof.graph.Csr;
import org.hpq.hprof.paths.ReferencePath;
import org.hpq.hprof.store.IntArray;

/**
 * Lists shortest paths to a target found by a breadth-first search, by backtracking from the
 * target through the referrers one level closer to the roots. Each choice is an edge: a referrer
 * (its inbound entries are grouped, since the inbound graph lists sources in ascending order),
 * then each of its outbound edges to the current object; at the first object, each root entry of
 * it. Heap use is a few arrays of the path's length; no recursion.
 */
public final class PathEnumerator {
  private final ObjectGraph graph;
  private final IntArray level;
  private final boolean skipWeak;
  private final TaskMonitor monitor;
  private long steps;

  /**
   * @param level breadth-first level of each node: 1 for root objects, 0 for nodes not reached;
   *     exact for every node closer than the targets
   */
  public PathEnumerator(ObjectGraph graph, IntArray level, boolean skipWeak, TaskMonitor monitor) {
    this.graph = graph;
    this.level = level;
    this.skipWeak = skipWeak;
    this.monitor = monitor;
  }

  /** Adds paths to {@code target} (at level {@code length}) to {@code out} until it has {@code limit}. */
  public void enumerate(int target, int length, int limit, List<ReferencePath> out) {
    int[] nodes = new int[length];
    long[] edges = new long[length - 1];
    long[] inCursor = new long[length];
    long[] outCursor = new long[length];
    int rootCursor = 0;
    nodes[length - 1] = target;
    int depth = length - 1;
    reset(depth, nodes, inCursor, outCursor);
    while (out.size() < limit) {
      boolean advanced;
      if (depth == 0) {
        int rootIndex = nextRoot(nodes[0], rootCursor);
        advanced = rootIndex >= 0;
        if (advanced) {
          rootCursor = rootIndex + 1;
          out.add(ReferencePath.of(rootIndex, nodes, edges));
          continue;
        }
      } else {
        advanced = advance(depth, nodes, edges, inCursor, outCursor);
      }
      if (advanced) {
        depth--;
        if (depth == 0) {
          rootCursor = 0;
        } else {
          reset(depth, nodes, inCursor, outCursor);
        }
      } else if (++depth == length) {
        return;
      }
    }
  }

  private void reset(int depth, int[] nodes, long[] inCursor, long[] outCursor) {
    inCursor[depth] = graph.inbound().start(nodes[depth]);
    outCursor[depth] = -1;
  }

  private int nextRoot(int node, int from) {
    for (int index = from; index < graph.rootCount(); index++) {
      if (graph.root(index) == node) {
        return index;
      }
    }
    return -1;
  }

  /** Picks the next edge into {@code nodes[depth]} from a referrer at level {@code depth}. */
  private boolean advance(
      int depth, int[] nodes, long[] edges, long[] inCursor, long[] outCursor) {
    Csr inbound = graph.inbound();
    Csr outbound = graph.outbound();
    int node = nodes[depth];
    while (true) {
      if (outCursor[depth] >= 0) {
        int referrer = nodes[depth - 1];
        for (long position = outCursor[depth], end = outbound.end(referrer);
            position < end;
            position++) {
          if (outbound.neighbour(referrer, position) == node && !(skipWeak && outbound.isWeak(referrer, position))) {
            outCursor[depth] = position + 1;
            edges[depth - 1] = position;
            return true;
          }
        }
        outCursor[depth] = -1;
      }
      long start = inbound.start(node);
      long end = inbound.end(node);
      long position = inCursor[depth];
      while (position < end) {
        if ((++steps & 0xFFFF) == 0) {
          monitor.checkpoint("listing paths", steps, -1);
        }
        int referrer = inbound.neighbour(position++);
        if ((position - 1 > start && inbound.neighbour(position - 2) == referrer)
            || level.get(referrer) != depth) {
          continue;
        }
        inCursor[depth] = position;
        nodes[depth - 1] = referrer;
        outCursor[depth] = outbound.start(referrer);
        break;
      }
      if (outCursor[depth] < 0) {
        inCursor[depth] = end;
        return false;
      }
    }
  }
}
