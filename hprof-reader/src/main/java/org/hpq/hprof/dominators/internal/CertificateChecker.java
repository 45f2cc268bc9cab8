package org.hpq.hprof.dominators.internal;

import java.util.List;
import org.hpq.hprof.dominators.DominatorTree;
import org.hpq.hprof.dominators.ObjectGraph;
import org.hpq.hprof.dominators.TaskMonitor;
import org.hpq.hprof.graph.Csr;
import org.hpq.hprof.store.BigArrays;
import org.hpq.hprof.store.IntArray;
import org.hpq.hprof.store.LongArray;

/** The checks of {@link org.hpq.hprof.dominators.DominatorCertificate}, in order. */
public final class CertificateChecker {
  /** Marks a node whose referrers outside its subtree meet two children of its dominator. */
  private static final int SPREAD = -1;

  private final ObjectGraph graph;
  private final DominatorTree tree;
  private final BigArrays scratch;
  private final TaskMonitor monitor;
  private final Violations violations;
  private final int nodeCount;

  private CertificateChecker(
      ObjectGraph graph, DominatorTree tree, BigArrays scratch, int limit, TaskMonitor monitor) {
    this.graph = graph;
    this.tree = tree;
    this.scratch = scratch;
    this.monitor = monitor;
    this.violations = new Violations(limit);
    this.nodeCount = graph.nodeCount();
  }

  /** See {@link org.hpq.hprof.dominators.DominatorCertificate#check}. */
  public static List<String> check(
      ObjectGraph graph, DominatorTree tree, BigArrays scratch, int limit, TaskMonitor monitor) {
    if (tree.nodeCount() != graph.nodeCount()) {
      return List.of(
          "tree has " + tree.nodeCount() + " nodes, graph " + graph.nodeCount());
    }
    CertificateChecker checker = new CertificateChecker(graph, tree, scratch, limit, monitor);
    ReachabilityCheck.run(graph, tree, scratch, checker.violations, monitor);
    checker.checkPointers();
    try (TreeIndex index = TreeIndex.build(tree, scratch, monitor)) {
      checker.checkAllInTree(index);
      checker.checkEdges(index);
    }
    checker.checkRetainedSizes();
    return checker.violations.result();
  }

  private void checkPointers() {
    for (int node = 0; node < nodeCount; node++) {
      int dominator = tree.immediateDominator(node);
      if (!tree.isReachable(node)) {
        if (tree.retainedSize(node) != 0) {
          violations.add("unreachable object " + node + " has retained size " + tree.retainedSize(node));
        }
      } else if (dominator != DominatorTree.ROOT
          && (dominator < 0 || dominator >= nodeCount || dominator == node
              || !tree.isReachable(dominator))) {
        violations.add("object " + node + " has an invalid immediate dominator " + dominator);
      } else if (dominator != DominatorTree.ROOT
          && tree.isStronglyReachable(node)
          && !tree.isStronglyReachable(dominator)) {
        violations.add(
            "strongly reachable object " + node + " is dominated by weakly reachable " + dominator);
      }
    }
  }

  private void checkAllInTree(TreeIndex index) {
    for (int node = 0; node < nodeCount; node++) {
      if (tree.isReachable(node) && !index.isInTree(node)) {
        violations.add("object " + node + " does not hang below the root (dominator cycle)");
      }
    }
  }

  /**
   * For every edge u -> v of the flow graph: idom(v) must be an ancestor of u (parent property),
   * and idom(v) must be the nearest common ancestor of v's referrers outside v's subtree (in the
   * true tree every strict dominator of v is above each such referrer, and their nearest common
   * ancestor dominates v), that is: one referrer is idom(v) itself, or the referrers lie below
   * two different children of idom(v).
   */
  private void checkEdges(TreeIndex index) {
    Csr outbound = graph.outbound();
    try (IntArray spread = scratch.newIntArray(nodeCount)) {
      for (int entry = 0; entry < graph.rootCount(); entry++) {
        rootEdge(graph.root(entry), "root", spread);
      }
      for (int node = 0; node < nodeCount; node++) {
        if (tree.isWeakRoot(node)) {
          rootEdge(node, "weak root", spread);
        }
      }
      for (int source = 0; source < nodeCount; source++) {
        if ((source & 0xFFFF) == 0) {
          monitor.checkpoint("checking edges", source, nodeCount);
        }
        if (!tree.isReachable(source) || !index.isInTree(source)) {
          continue;
        }
        boolean strongSource = tree.isStronglyReachable(source);
        for (long position = outbound.start(source), end = outbound.end(source);
            position < end;
            position++) {
          int target = outbound.neighbour(source, position);
          if (outbound.isWeak(source, position)
              || (!strongSource && tree.isStronglyReachable(target))
              || !index.isInTree(target)) {
            continue;
          }
          int parent = TreeIndex.parentIndex(tree, target);
          if (!index.isAncestorOrSelf(parent, source)) {
            violations.add(
                "immediate dominator "
                    + name(parent, index)
                    + " of object "
                    + target
                    + " does not dominate its referrer "
                    + source
                    + " (edge position "
                    + position
                    + ")");
          } else if (!index.isAncestorOrSelf(target, source)) {
            note(target, parent, parent == source ? parent : index.childContaining(parent, source), spread);
          }
        }
      }
      for (int node = 0; node < nodeCount; node++) {
        int state = spread.get(node);
        if (tree.isReachable(node) && index.isInTree(node) && state != SPREAD) {
          int parent = TreeIndex.parentIndex(tree, node);
          violations.add(
              "immediate dominator "
                  + name(parent, index)
                  + " of object "
                  + node
                  + (state == 0
                      ? " has no path to it"
                      : " is not the nearest: every referrer is below its child " + (state - 1)));
        }
      }
    }
  }

  private void rootEdge(int node, String kind, IntArray spread) {
    if (tree.immediateDominator(node) != DominatorTree.ROOT) {
      violations.add(
          kind + " object " + node + " has immediate dominator " + tree.immediateDominator(node));
    } else {
      spread.set(node, SPREAD);
    }
  }

  /** Records that a referrer of {@code node} lies below {@code child} of its tree parent. */
  private static void note(int node, int parent, int child, IntArray spread) {
    int state = spread.get(node);
    if (state == SPREAD) {
      return;
    }
    if (child == parent) {
      spread.set(node, SPREAD); // the dominator refers to the node directly
    } else if (state == 0) {
      spread.set(node, child + 1);
    } else if (state != child + 1) {
      spread.set(node, SPREAD);
    }
  }

  private String name(int index, TreeIndex tree) {
    return index == tree.virtualRoot() ? "<root>" : Integer.toString(index);
  }

  private void checkRetainedSizes() {
    try (LongArray childTotals = scratch.newLongArray(nodeCount + 1L)) {
      long shallowTotal = 0;
      for (int node = 0; node < nodeCount; node++) {
        int parent = tree.isReachable(node) ? TreeIndex.parentIndex(tree, node) : -1;
        if (parent >= 0) {
          childTotals.set(parent, childTotals.get(parent) + tree.retainedSize(node));
          shallowTotal += graph.shallowSize(node);
        }
      }
      for (int node = 0; node < nodeCount; node++) {
        if (!tree.isReachable(node)) {
          continue;
        }
        long expected = graph.shallowSize(node) + childTotals.get(node);
        if (tree.retainedSize(node) != expected) {
          violations.add(
              "retained size of object "
                  + node
                  + " is "
                  + tree.retainedSize(node)
                  + ", shallow size plus children's is "
                  + expected);
        }
      }
      if (childTotals.get(nodeCount) != shallowTotal) {
        violations.add(
            "retained sizes below the root add up to "
                + childTotals.get(nodeCount)
                + ", shallow sizes of the reachable objects to "
                + shallowTotal);
      }
    }
  }
}
