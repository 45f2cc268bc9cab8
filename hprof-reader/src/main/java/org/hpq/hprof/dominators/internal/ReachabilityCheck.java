package org.hpq.hprof.dominators.internal;

import org.hpq.hprof.dominators.DominatorTree;
import org.hpq.hprof.dominators.ObjectGraph;
import org.hpq.hprof.dominators.TaskMonitor;
import org.hpq.hprof.graph.Csr;
import org.hpq.hprof.store.BigArrays;
import org.hpq.hprof.store.IntArray;
import org.hpq.hprof.store.LongArray;

/**
 * Recomputes reachability, strong reachability and the weak roots by plain breadth-first
 * searches (code independent of the dominator computation) and reports every node where the
 * tree's flags differ.
 */
final class ReachabilityCheck {
  private ReachabilityCheck() {}

  static void run(
      ObjectGraph graph,
      DominatorTree tree,
      BigArrays scratch,
      Violations violations,
      TaskMonitor monitor) {
    int nodeCount = graph.nodeCount();
    try (LongArray strong = search(graph, false, scratch, monitor);
        LongArray reachable = search(graph, true, scratch, monitor);
        LongArray weakRoots = Bits.allocate(scratch, nodeCount)) {
      Csr outbound = graph.outbound();
      for (int node = 0; node < nodeCount; node++) {
        if (!Bits.get(reachable, node)) {
          continue;
        }
        for (long position = outbound.start(node), end = outbound.end(node);
            position < end;
            position++) {
          int target = outbound.neighbour(node, position);
          if (outbound.isWeak(node, position) && !Bits.get(strong, target)) {
            Bits.set(weakRoots, target);
          }
        }
      }
      for (int node = 0; node < nodeCount; node++) {
        compare(node, "reachable", Bits.get(reachable, node), tree.isReachable(node), violations);
        compare(
            node,
            "strongly reachable",
            Bits.get(strong, node),
            tree.isStronglyReachable(node),
            violations);
        compare(node, "a weak root", Bits.get(weakRoots, node), tree.isWeakRoot(node), violations);
      }
    }
  }

  private static void compare(
      int node, String property, boolean expected, boolean actual, Violations violations) {
    if (expected != actual) {
      violations.add(
          "object "
              + node
              + (expected ? " is " : " is not ")
              + property
              + " but the tree says the opposite");
    }
  }

  /** Bit set of the nodes reachable from the roots, over all edges or strong edges only. */
  private static LongArray search(
      ObjectGraph graph, boolean followWeak, BigArrays scratch, TaskMonitor monitor) {
    int nodeCount = graph.nodeCount();
    LongArray seen = Bits.allocate(scratch, nodeCount);
    try (IntArray queue = scratch.newIntArray(nodeCount)) {
      Csr outbound = graph.outbound();
      long tail = 0;
      for (int index = 0; index < graph.rootCount(); index++) {
        int root = graph.root(index);
        if (!Bits.get(seen, root)) {
          Bits.set(seen, root);
          queue.set(tail++, root);
        }
      }
      for (long head = 0; head < tail; head++) {
        if ((head & 0xFFFF) == 0) {
          monitor.checkpoint("checking reachability", head, nodeCount);
        }
        int node = queue.get(head);
        for (long position = outbound.start(node), end = outbound.end(node);
            position < end;
            position++) {
          int target = outbound.neighbour(node, position);
          if ((followWeak || !outbound.isWeak(node, position)) && !Bits.get(seen, target)) {
            Bits.set(seen, target);
            queue.set(tail++, target);
          }
        }
      }
    }
    return seen;
  }
}
