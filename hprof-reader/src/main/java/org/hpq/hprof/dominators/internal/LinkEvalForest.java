package org.hpq.hprof.dominators.internal;

import org.hpq.hprof.store.BigArrays;
import org.hpq.hprof.store.IntArray;

/**
 * The link-eval forest of the semidominator computation, with Lengauer and Tarjan's balanced
 * ("sophisticated") linking and path compression, so that an evaluation walks a few nodes on
 * average even on graphs whose DFS tree is millions deep (simple linking walked seven far-apart
 * nodes an evaluation on random graphs, each one a cache miss).
 *
 * <p>Labels hold semidominator numbers directly rather than vertices whose semi is looked up, since
 * only the smallest semi is wanted: a node not yet processed has its own number as label, a
 * processed node the value Lengauer and Tarjan's label would point to. Index {@code number + 1}
 * holds a node's four fields, ancestor, label, size and child, side by side (one cache line), and
 * index 0 is their sentinel (label 0, size 0). Ancestor 0 marks a tree root. No recursion:
 * compression reverses the pointers on the way up and restores them on the way down.
 */
final class LinkEvalForest implements AutoCloseable {
  private static final int ANCESTOR = 0;
  private static final int LABEL = 1;
  private static final int SIZE = 2;
  private static final int CHILD = 3;
  private static final int REVERSED_END = -1;

  private final IntArray fields;

  /** A forest of {@code count} single-node trees, one per number {@code 0..count-1}. */
  LinkEvalForest(int count, BigArrays scratch) {
    this.fields = scratch.newIntArray(4L * (count + 1L));
    int[] buffer = new int[4 * 4096];
    for (long first = 1; first <= count; first += 4096) {
      int nodes = (int) Math.min(4096, count + 1L - first);
      for (int k = 0; k < nodes; k++) {
        buffer[4 * k + LABEL] = (int) (first + k - 1);
        buffer[4 * k + SIZE] = 1;
      }
      fields.set(4 * first, buffer, 0, 4 * nodes);
    }
  }

  private int get(int index, int field) {
    return fields.get(4L * index + field);
  }

  private void put(int index, int field, int value) {
    fields.set(4L * index + field, value);
  }

  /**
   * The smallest label on the forest path from processed {@code number} to the root of its tree,
   * the root included (a tree root here is a node whose ancestor is 0: a node not yet processed,
   * or a processed node hung by its DFS parent's child list after a swap in {@link #link}).
   */
  int evaluate(int number) {
    int v = number + 1;
    int ancestor = get(v, ANCESTOR);
    if (ancestor == 0) {
      return get(v, LABEL);
    }
    if (get(ancestor, ANCESTOR) != 0) {
      compress(v);
      ancestor = get(v, ANCESTOR);
    }
    return Math.min(get(v, LABEL), get(ancestor, LABEL));
  }

  /** Makes every node on the path from {@code v} point at the root of its tree. */
  private void compress(int v) {
    int previous = REVERSED_END;
    int x = v;
    int up = get(x, ANCESTOR);
    while (get(up, ANCESTOR) != 0) {
      put(x, ANCESTOR, previous);
      previous = x;
      x = up;
      up = get(x, ANCESTOR);
    }
    // x is the top of the path: its ancestor, up, is a root. Below it each node takes the
    // smaller of its label and the (updated) label above, and points at the root.
    int aboveLabel = get(x, LABEL);
    int below = previous;
    while (below != REVERSED_END) {
      int next = get(below, ANCESTOR);
      int label = Math.min(aboveLabel, get(below, LABEL));
      put(below, LABEL, label);
      put(below, ANCESTOR, up);
      aboveLabel = label;
      below = next;
    }
  }

  /**
   * Records that {@code number}, just processed with semidominator {@code semi}, hangs below its
   * DFS parent {@code parentNumber} (not yet processed).
   */
  void link(int parentNumber, int number, int semi) {
    int v = parentNumber + 1;
    int w = number + 1;
    put(w, LABEL, semi);
    int s = w;
    int child = get(s, CHILD);
    while (child != 0 && semi < get(child, LABEL)) {
      int grandchild = get(child, CHILD);
      int childSize = get(child, SIZE);
      if (get(s, SIZE) + (grandchild == 0 ? 0 : get(grandchild, SIZE)) >= 2 * childSize) {
        put(child, ANCESTOR, s);
        put(s, CHILD, grandchild);
      } else {
        put(child, SIZE, get(s, SIZE));
        put(s, ANCESTOR, child);
        s = child;
      }
      child = get(s, CHILD);
    }
    put(s, LABEL, semi);
    int wSize = get(w, SIZE);
    int vSize = get(v, SIZE) + wSize;
    put(v, SIZE, vSize);
    if (vSize < 2 * wSize) {
      int swap = get(v, CHILD);
      put(v, CHILD, s);
      s = swap;
    }
    while (s != 0) {
      put(s, ANCESTOR, v);
      s = get(s, CHILD);
    }
  }

  @Override
  public void close() {
    fields.close();
  }
}
