package org.hpq.hprof.dominators;

import java.util.Random;

/**
 * Seeded random graphs with the shapes that break dominator code: chains, diamonds, cycles, self
 * loops, many and duplicate roots, weak edges, weakly-reachable-only parts with edges back into
 * the strong part, unreachable parts.
 */
public final class RandomGraphs {
  private RandomGraphs() {}

  /** A random graph of 1 to {@code maxNodes} nodes drawn from {@code random}. */
  public static TestGraph generate(Random random, int maxNodes) {
    int nodeCount = 1 + random.nextInt(maxNodes);
    TestGraph.Builder builder = TestGraph.builder(nodeCount);
    double weakShare = random.nextInt(3) == 0 ? 0 : random.nextDouble() * 0.4;
    int shape = random.nextInt(4);
    // Sparse random edges, denser on some graphs.
    int randomEdges = random.nextInt(1 + nodeCount * (1 + random.nextInt(3)));
    for (int edge = 0; edge < randomEdges; edge++) {
      add(builder, random, weakShare, random.nextInt(nodeCount), random.nextInt(nodeCount));
    }
    // Chains (deep trees), possibly closed into cycles.
    int chains = shape == 0 ? 1 + random.nextInt(3) : random.nextInt(2);
    for (int chain = 0; chain < chains; chain++) {
      int length = 1 + random.nextInt(nodeCount);
      int start = random.nextInt(nodeCount);
      int previous = start;
      for (int step = 1; step < length; step++) {
        int next = random.nextInt(nodeCount);
        add(builder, random, weakShare / 4, previous, next);
        previous = next;
      }
      if (random.nextBoolean()) {
        add(builder, random, weakShare, previous, start);
      }
    }
    // Diamonds a -> b, a -> c, b -> d, c -> d.
    int diamonds = shape == 1 ? 1 + random.nextInt(nodeCount) : random.nextInt(3);
    for (int diamond = 0; diamond < diamonds; diamond++) {
      int a = random.nextInt(nodeCount);
      int b = random.nextInt(nodeCount);
      int c = random.nextInt(nodeCount);
      int d = random.nextInt(nodeCount);
      add(builder, random, weakShare, a, b);
      add(builder, random, weakShare, a, c);
      add(builder, random, weakShare, b, d);
      add(builder, random, weakShare, c, d);
    }
    // Self loops and parallel edges.
    for (int loop = random.nextInt(3); loop > 0; loop--) {
      int node = random.nextInt(nodeCount);
      add(builder, random, weakShare, node, node);
    }
    if (random.nextInt(4) == 0) {
      int node = random.nextInt(nodeCount);
      int target = random.nextInt(nodeCount);
      add(builder, random, 0, node, target);
      add(builder, random, weakShare, node, target);
    }
    // Roots: few, many, with duplicates; sometimes none.
    int rootCount =
        switch (shape) {
          case 2 -> random.nextInt(1 + nodeCount);
          case 3 -> random.nextInt(4) == 0 ? 0 : 1;
          default -> 1 + random.nextInt(Math.min(nodeCount, 5));
        };
    int[] roots = new int[rootCount];
    for (int index = 0; index < rootCount; index++) {
      roots[index] =
          index > 0 && random.nextInt(4) == 0 ? roots[random.nextInt(index)] : random.nextInt(nodeCount);
    }
    long[] shallow = new long[nodeCount];
    for (int node = 0; node < nodeCount; node++) {
      shallow[node] = random.nextInt(10) == 0 ? 0 : 1 + random.nextInt(1000);
    }
    return builder.roots(roots).shallow(shallow).build();
  }

  private static void add(
      TestGraph.Builder builder, Random random, double weakShare, int source, int target) {
    if (random.nextDouble() < weakShare) {
      builder.weak(source, target);
    } else {
      builder.strong(source, target);
    }
  }
}
