package org.hpq.hprof.dominators.internal;

import org.hpq.hprof.store.LongArray;

/**
 * The link-eval forest of the semidominator loop, with simple linking and path compression (the
 * variant Georgiadis, Tarjan and Werneck found fastest in practice): one long a number, at index
 * {@code number - 1} of an array the caller lends, holding the ancestor (high half) and the label
 * (low half) side by side, so that a step up the forest is one memory access. The array's old
 * contents do not matter: nothing is read before it is written.
 *
 * <p>The loop processes the numbers from high to low; a number is <em>processed</em> once it is
 * {@link #link linked}, so while number {@code current} is being processed, exactly the numbers
 * above it are in the forest and every number at or below it is a tree root. That comparison
 * replaces a "no ancestor" mark, so the array needs no initialization. Labels hold semidominator
 * numbers directly: the label of a processed node is the smallest semidominator on the part of
 * its path that compression has folded into it. No recursion: compression reverses the pointers
 * on the way up and restores them on the way down.
 */
final class EvalForest {
  private static final int REVERSED_END = -1;

  private final LongArray nodes;

  /** Uses {@code nodes} (at least {@code count - 1} longs). */
  EvalForest(LongArray nodes) {
    this.nodes = nodes;
  }

  private static int ancestor(long node) {
    return (int) (node >> 32);
  }

  private static int label(long node) {
    return (int) node;
  }

  private static long node(int ancestor, int label) {
    return ((long) ancestor << 32) | (label & 0xFFFFFFFFL);
  }

  private long get(int number) {
    return nodes.get(number - 1L);
  }

  private void set(int number, long node) {
    nodes.set(number - 1L, node);
  }

  /** Reads the entry of {@code number}, so that a later {@link #evaluate} finds it in the cache. */
  long peek(int number) {
    return get(number);
  }

  /**
   * The smallest semidominator on the forest path from processed {@code number} up to, not
   * including, its first ancestor not yet processed ({@code <= current}).
   */
  int evaluate(int number, int current) {
    long node = get(number);
    int ancestor = ancestor(node);
    if (ancestor <= current) {
      return label(node);
    }
    long above = get(ancestor);
    if (ancestor(above) <= current) {
      return Math.min(label(node), label(above));
    }
    return compress(number, current);
  }

  /**
   * Points every node on the path from {@code number} below its top processed node at the tree
   * root above it, folding the labels of the path into theirs; returns the new label of {@code
   * number}.
   */
  private int compress(int number, int current) {
    int previous = REVERSED_END;
    int x = number;
    long node = get(x);
    int up = ancestor(node);
    while (up > current) {
      set(x, node(previous, label(node)));
      previous = x;
      x = up;
      node = get(x);
      up = ancestor(node);
    }
    // x is the top processed node of the path and up, its ancestor, the root. Below x each node
    // takes the smaller of its label and the (updated) label above, and points at the root.
    int aboveLabel = label(node);
    int below = previous;
    while (below != REVERSED_END) {
      long reversed = get(below);
      aboveLabel = Math.min(aboveLabel, label(reversed));
      set(below, node(up, aboveLabel));
      below = ancestor(reversed);
    }
    return aboveLabel;
  }

  /** Processes {@code number}: it hangs below its DFS parent with semidominator {@code semi}. */
  void link(int number, int parentNumber, int semi) {
    set(number, node(parentNumber, semi));
  }
}
