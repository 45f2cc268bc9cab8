package org.hpq.hprof.paths;

import java.util.Arrays;

/**
 * One path from the virtual root to an object: the root entry it starts with, then the objects
 * along it, and for each step between two objects the position of that edge in the outbound
 * {@link org.hpq.hprof.graph.Csr} (from which the caller reads the field or slot label).
 * Immutable.
 */
public final class ReferencePath {
  private final int rootIndex;
  private final int[] nodes;
  private final long[] edgePositions;

  private ReferencePath(int rootIndex, int[] nodes, long[] edgePositions) {
    if (nodes.length == 0 || edgePositions.length != nodes.length - 1) {
      throw new IllegalArgumentException(
          nodes.length + " nodes need " + (nodes.length - 1) + " edge positions, not "
              + edgePositions.length);
    }
    this.rootIndex = rootIndex;
    this.nodes = nodes.clone();
    this.edgePositions = edgePositions.clone();
  }

  /**
   * @param rootIndex index into the graph's root entries of the first step
   * @param nodes the objects, first the root object, last the target
   * @param edgePositions {@code nodes.length - 1} outbound edge positions
   */
  public static ReferencePath of(int rootIndex, int[] nodes, long[] edgePositions) {
    return new ReferencePath(rootIndex, nodes, edgePositions);
  }

  /** Index into the graph's root entries (root records) of the edge from the virtual root. */
  public int rootIndex() {
    return rootIndex;
  }

  /** Number of objects on the path (the number of edges, the root edge included). */
  public int length() {
    return nodes.length;
  }

  /** The {@code index}-th object; 0 is the root object, {@code length() - 1} the target. */
  public int node(int index) {
    return nodes[index];
  }

  /** Outbound edge position of the step from {@code node(index)} to {@code node(index + 1)}. */
  public long edgePosition(int index) {
    return edgePositions[index];
  }

  /** The objects, a copy. */
  public int[] nodes() {
    return nodes.clone();
  }

  /** The edge positions, a copy. */
  public long[] edgePositions() {
    return edgePositions.clone();
  }

  @Override
  public boolean equals(Object other) {
    return other instanceof ReferencePath path
        && rootIndex == path.rootIndex
        && Arrays.equals(nodes, path.nodes)
        && Arrays.equals(edgePositions, path.edgePositions);
  }

  @Override
  public int hashCode() {
    return 31 * (31 * rootIndex + Arrays.hashCode(nodes)) + Arrays.hashCode(edgePositions);
  }

  @Override
  public String toString() {
    StringBuilder text = new StringBuilder("<root ").append(rootIndex).append(">");
    for (int index = 0; index < nodes.length; index++) {
      if (index > 0) {
        text.append(" -[").append(edgePositions[index - 1]).append("]->");
      } else {
        text.append(" -> ");
      }
      text.append(nodes[index]);
    }
    return text.toString();
  }
}
