package org.hpq.hprof.dominators.internal;

import org.hpq.hprof.dominators.DominatorTree;
import org.hpq.hprof.dominators.TaskMonitor;
import org.hpq.hprof.store.BigArrays;
import org.hpq.hprof.store.IntArray;
import org.hpq.hprof.store.LongArray;

/**
 * The children lists of a dominator tree and a preorder numbering of it, for O(1) ancestor
 * tests. Index {@code nodeCount} stands for the virtual root. Built from the immediate-dominator
 * array alone, so it also works on a broken tree: nodes on a cycle of dominator pointers, or
 * below one, are simply not {@link #isInTree in the tree}.
 */
public final class TreeIndex implements AutoCloseable {
  private final int virtualRoot;
  private final LongArray offsets;
  private final IntArray children;
  private final IntArray enter;
  private final IntArray size;

  private TreeIndex(int virtualRoot, LongArray offsets, IntArray children, IntArray enter, IntArray size) {
    this.virtualRoot = virtualRoot;
    this.offsets = offsets;
    this.children = children;
    this.enter = enter;
    this.size = size;
  }

  /** Index of the tree parent of {@code node}, the virtual root as {@code nodeCount}, or -1. */
  public static int parentIndex(DominatorTree tree, int node) {
    int dominator = tree.immediateDominator(node);
    if (dominator == DominatorTree.ROOT) {
      return tree.nodeCount();
    }
    return dominator >= 0 && dominator < tree.nodeCount() ? dominator : -1;
  }

  /** Indexes the reachable nodes of {@code tree}. */
  public static TreeIndex build(DominatorTree tree, BigArrays scratch, TaskMonitor monitor) {
    int nodeCount = tree.nodeCount();
    int virtualRoot = nodeCount;
    LongArray offsets = scratch.newLongArray(nodeCount + 3L);
    long members = 0;
    for (int node = 0; node < nodeCount; node++) {
      int parent = tree.isReachable(node) ? parentIndex(tree, node) : -1;
      if (parent >= 0) {
        offsets.set(parent + 2L, offsets.get(parent + 2L) + 1);
        members++;
      }
    }
    for (long index = 2; index < nodeCount + 3L; index++) {
      offsets.set(index, offsets.get(index) + offsets.get(index - 1));
    }
    IntArray children = scratch.newIntArray(members);
    for (int node = 0; node < nodeCount; node++) {
      int parent = tree.isReachable(node) ? parentIndex(tree, node) : -1;
      if (parent >= 0) {
        long position = offsets.get(parent + 1L);
        offsets.set(parent + 1L, position + 1);
        children.set(position, node);
      }
    }
    IntArray enter = scratch.newIntArray(nodeCount + 1L);
    IntArray size = scratch.newIntArray(nodeCount + 1L);
    try (IntArray stack = scratch.newIntArray(nodeCount + 1L);
        IntArray order = scratch.newIntArray(nodeCount + 1L)) {
      long depth = 0;
      int visited = 0;
      stack.set(depth++, virtualRoot);
      while (depth > 0) {
        int node = stack.get(--depth);
        enter.set(node, visited);
        order.set(visited++, node);
        if ((visited & 0xFFFF) == 0) {
          monitor.checkpoint("indexing tree", visited, nodeCount);
        }
        // Children pushed last-first, so they are entered in list order: ascending enter numbers.
        for (long position = offsets.get(node + 1L) - 1; position >= offsets.get(node); position--) {
          stack.set(depth++, children.get(position));
        }
      }
      for (int index = visited - 1; index >= 0; index--) {
        int node = order.get(index);
        size.set(node, size.get(node) + 1);
        if (node != virtualRoot) {
          int parent = parentIndex(tree, node);
          size.set(parent, size.get(parent) + size.get(node));
        }
      }
    }
    return new TreeIndex(virtualRoot, offsets, children, enter, size);
  }

  /** Whether {@code index} (a node, or the virtual root) hangs below the virtual root. */
  public boolean isInTree(int index) {
    return size.get(index) > 0;
  }

  /** Whether {@code ancestor} is {@code index} or above it; both must be {@link #isInTree}. */
  public boolean isAncestorOrSelf(int ancestor, int index) {
    int start = enter.get(ancestor);
    int position = enter.get(index);
    return position >= start && position < start + size.get(ancestor);
  }

  /** The child of {@code parent} whose subtree holds {@code index}, or -1 if none does. */
  public int childContaining(int parent, int index) {
    long low = offsets.get(parent);
    long high = offsets.get(parent + 1L) - 1;
    int position = enter.get(index);
    int found = -1;
    while (low <= high) {
      long middle = (low + high) >>> 1;
      int child = children.get(middle);
      if (enter.get(child) <= position) {
        found = child;
        low = middle + 1;
      } else {
        high = middle - 1;
      }
    }
    return found >= 0 && isAncestorOrSelf(found, index) ? found : -1;
  }

  /** The index standing for the virtual root. */
  public int virtualRoot() {
    return virtualRoot;
  }

  @Override
  public void close() {
    offsets.close();
    children.close();
    enter.close();
    size.close();
  }
}
