package org.hpq.hprof.dominators.internal;

import org.hpq.hprof.store.IntArray;

/**
 * The link-eval forest of the semidominator loop, with simple linking and path compression (the
 * variant Georgiadis, Tarjan and Werneck found fastest in practice): two ints a number, the
 * ancestor and the label, at index {@code number - 1} of two arrays the caller lends (their old
 * contents do not matter: nothing is read before it is written).
 *
 * <p>The loop processes the numbers from high to low; a number is <em>processed</em> once it is
 * {@link #link linked}, so while number {@code current} is being processed, exactly the numbers
 * above it are in the forest and every number at or below it is a tree root. That comparison
 * replaces a "no ancestor" mark, so the arrays need no initialization. Labels hold semidominator
 * numbers directly: the label of a processed node is the smallest semidominator on the part of
 * its path that compression has folded into it. No recursion: compression reverses the pointers
 * on the way up and restores them on the way down.
 */
final class EvalForest {
  private static final int REVERSED_END = -1;

  private final IntArray ancestors;
  private final IntArray labels;

  /** Uses {@code ancestors} and {@code labels} (at least {@code count - 1} ints each). */
  EvalForest(IntArray ancestors, IntArray labels) {
    this.ancestors = ancestors;
    this.labels = labels;
  }

  private int ancestor(int number) {
    return ancestors.get(number - 1L);
  }

  private void setAncestor(int number, int ancestor) {
    ancestors.set(number - 1L, ancestor);
  }

  private int label(int number) {
    return labels.get(number - 1L);
  }

  /**
   * The smallest semidominator on the forest path from processed {@code number} up to, not
   * including, its first ancestor not yet processed ({@code <= current}).
   */
  int evaluate(int number, int current) {
    int ancestor = ancestor(number);
    if (ancestor <= current) {
      return label(number);
    }
    if (ancestor(ancestor) <= current) {
      return Math.min(label(number), label(ancestor));
    }
    compress(number, current);
    return label(number);
  }

  /**
   * Points every node on the path from {@code number} below its top processed node at the tree
   * root above it, folding the labels of the path into theirs.
   */
  private void compress(int number, int current) {
    int previous = REVERSED_END;
    int x = number;
    int up = ancestor(x);
    while (up > current) {
      setAncestor(x, previous);
      previous = x;
      x = up;
      up = ancestor(x);
    }
    // x is the top processed node of the path and up, its ancestor, the root. Below x each node
    // takes the smaller of its label and the (updated) label above, and points at the root.
    int aboveLabel = label(x);
    int below = previous;
    while (below != REVERSED_END) {
      int next = ancestor(below);
      int label = Math.min(aboveLabel, label(below));
      labels.set(below - 1L, label);
      setAncestor(below, up);
      aboveLabel = label;
      below = next;
    }
  }

  /** Processes {@code number}: it hangs below its DFS parent with semidominator {@code semi}. */
  void link(int number, int parentNumber, int semi) {
    setAncestor(number, parentNumber);
    labels.set(number - 1L, semi);
  }
}
