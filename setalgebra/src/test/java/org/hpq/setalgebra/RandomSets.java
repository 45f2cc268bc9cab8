package org.hpq.setalgebra;

import java.util.BitSet;
import java.util.Random;

/**
 * Random node sets with a {@link BitSet} oracle, in shapes that exercise each Roaring container
 * kind and the 2^16 block boundaries, built through each construction path.
 */
final class RandomSets {
  /** Universe sizes: inside one block, across a few blocks, and ending at a block edge. */
  private static final int[] UNIVERSES = {1, 100, 70_000, 300_000, 131_072};

  private RandomSets() {}

  /** A set and the same members as a BitSet. */
  record Sample(NodeSet set, BitSet oracle) {}

  static int universe(Random random) {
    return UNIVERSES[random.nextInt(UNIVERSES.length)];
  }

  /** A random set within {@code [0, universe)}. */
  static Sample sample(Random random, int universe) {
    BitSet oracle = members(random, universe);
    return new Sample(build(random, oracle), oracle);
  }

  static BitSet members(Random random, int universe) {
    BitSet members = new BitSet(universe);
    switch (random.nextInt(7)) {
      case 0 -> {} // empty
      case 1 -> members.set(0, universe); // full
      case 2 -> { // sparse
        int count = random.nextInt(50);
        for (int i = 0; i < count; i++) {
          members.set(random.nextInt(universe));
        }
      }
      case 3 -> { // dense within a window: bitmap containers
        int from = random.nextInt(universe);
        int to = from + random.nextInt(universe - from + 1);
        for (int i = from; i < to; i++) {
          if (random.nextInt(3) > 0) {
            members.set(i);
          }
        }
      }
      case 4 -> { // runs
        int runs = 1 + random.nextInt(20);
        for (int i = 0; i < runs; i++) {
          int from = random.nextInt(universe);
          members.set(from, Math.min(universe, from + 1 + random.nextInt(5000)));
        }
      }
      case 5 -> { // block edges
        for (int edge = 65_536; edge - 2 < universe; edge += 65_536) {
          for (int i = edge - 2; i < Math.min(universe, edge + 2); i++) {
            if (random.nextBoolean()) {
              members.set(i);
            }
          }
        }
        members.set(universe - 1, random.nextBoolean());
        members.set(0, random.nextBoolean());
      }
      default -> { // mixture
        members.or(members(random, universe));
        members.or(members(random, universe));
      }
    }
    return members;
  }

  /** Builds the members of {@code oracle} by a randomly chosen path. */
  static NodeSet build(Random random, BitSet oracle) {
    switch (random.nextInt(4)) {
      case 0:
        return NodeSet.of(shuffled(random, oracle.stream().toArray()));
      case 1:
        return NodeSet.fromSorted(oracle.stream());
      case 2: {
        NodeSet.Builder builder = NodeSet.builder();
        for (int member : shuffled(random, oracle.stream().toArray())) {
          builder.add(member);
        }
        return builder.build();
      }
      default: {
        NodeSet.Builder builder = NodeSet.builder();
        for (int from = oracle.nextSetBit(0); from >= 0; ) {
          int to = oracle.nextClearBit(from);
          builder.addRange(from, to);
          from = oracle.nextSetBit(to);
        }
        return builder.build();
      }
    }
  }

  static BitSet oracle(NodeSet set) {
    BitSet members = new BitSet();
    set.forEach(members::set);
    return members;
  }

  private static int[] shuffled(Random random, int[] values) {
    for (int i = values.length - 1; i > 0; i--) {
      int j = random.nextInt(i + 1);
      int swap = values[i];
      values[i] = values[j];
      values[j] = swap;
    }
    return values;
  }
}
