package org.hpq.hprof.dominators;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import org.hpq.hprof.graph.Csr;
import org.hpq.hprof.store.BigArrays;

/** A small graph given edge by edge, for tests: builds the {@link ObjectGraph} under test. */
public record TestGraph(
    int nodeCount, int[] sources, int[] targets, boolean[] weak, int[] roots, long[] shallow) {

  /** The graph under test, on the heap. */
  public ObjectGraph objectGraph() {
    Csr outbound = Csr.fromEdges(nodeCount, sources, targets, weak);
    return ObjectGraph.of(outbound, roots, BigArrays.wrap(shallow), BigArrays.onHeap());
  }

  public int edgeCount() {
    return sources.length;
  }

  /** Edges in the order they get in the outbound Csr (grouped by source, stable). */
  public List<int[]> edgesInCsrOrder() {
    List<int[]> edges = new ArrayList<>();
    for (int node = 0; node < nodeCount; node++) {
      for (int edge = 0; edge < sources.length; edge++) {
        if (sources[edge] == node) {
          edges.add(new int[] {sources[edge], targets[edge], weak[edge] ? 1 : 0});
        }
      }
    }
    return edges;
  }

  @Override
  public String toString() {
    StringBuilder text = new StringBuilder();
    text.append("nodes=").append(nodeCount).append(" roots=").append(Arrays.toString(roots));
    text.append(" edges=[");
    for (int edge = 0; edge < sources.length; edge++) {
      text.append(edge == 0 ? "" : " ")
          .append(sources[edge])
          .append(weak[edge] ? "~>" : "->")
          .append(targets[edge]);
    }
    return text.append("] shallow=").append(Arrays.toString(shallow)).toString();
  }

  /** Builds a graph edge by edge: {@code strong(0, 1).weak(1, 2).roots(0)}. */
  public static Builder builder(int nodeCount) {
    return new Builder(nodeCount);
  }

  /** Accumulates edges and roots; shallow sizes default to {@code 10 + node}. */
  public static final class Builder {
    private final int nodeCount;
    private final List<int[]> edges = new ArrayList<>();
    private int[] roots = new int[0];
    private long[] shallow;

    private Builder(int nodeCount) {
      this.nodeCount = nodeCount;
      this.shallow = new long[nodeCount];
      for (int node = 0; node < nodeCount; node++) {
        shallow[node] = 10 + node;
      }
    }

    public Builder strong(int source, int... targets) {
      for (int target : targets) {
        edges.add(new int[] {source, target, 0});
      }
      return this;
    }

    public Builder weak(int source, int target) {
      edges.add(new int[] {source, target, 1});
      return this;
    }

    public Builder roots(int... roots) {
      this.roots = roots.clone();
      return this;
    }

    public Builder shallow(long... shallow) {
      this.shallow = shallow.clone();
      return this;
    }

    public TestGraph build() {
      int[] sources = new int[edges.size()];
      int[] targets = new int[edges.size()];
      boolean[] weak = new boolean[edges.size()];
      for (int edge = 0; edge < edges.size(); edge++) {
        sources[edge] = edges.get(edge)[0];
        targets[edge] = edges.get(edge)[1];
        weak[edge] = edges.get(edge)[2] == 1;
      }
      return new TestGraph(nodeCount, sources, targets, weak, roots, shallow);
    }
  }
}
