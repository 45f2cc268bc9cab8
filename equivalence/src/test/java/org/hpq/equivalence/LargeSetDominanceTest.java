package org.hpq.equivalence;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.util.Random;
import java.util.function.IntPredicate;
import org.hpq.hprof.dominators.Dominos;
import org.hpq.setalgebra.NodeSet;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Sets large enough for the bit-set membership test of walks: the test agrees with the set, and
 * {@code domisize} and {@code dominos} of such sets agree with a walk that asks the set itself.
 * Seeded random sets of a generated dump.
 */
class LargeSetDominanceTest {
  private static final long SEED = 20261123L;
  private static final int NODES = 12_000;

  @TempDir static Path folder;
  static Heap heap;

  @BeforeAll
  static void write() throws Exception {
    heap = LargeSets.write(folder, NODES, SEED);
  }

  private static NodeSet randomSet(Random random, int size) {
    NodeSet.Builder builder = NodeSet.builder();
    for (int i = 0; i < size; i++) {
      builder.add(random.nextInt(heap.dump().objectCount()));
    }
    return builder.build();
  }

  @Test
  void bitSetMembershipAgreesWithTheSet() {
    Random random = new Random(SEED);
    for (int round = 0; round < 5; round++) {
      NodeSet set = randomSet(random, (int) Dominance.BIT_SET_MEMBERSHIP + random.nextInt(10_000));
      IntPredicate member = Dominance.membership(set);
      for (int node = -3; node < heap.dump().objectCount() + 70; node++) {
        assertThat(member.test(node)).as("node %d, round %d, seed %d", node, round, SEED).isEqualTo(set.contains(node));
      }
    }
  }

  @Test
  void domisizeAndDominosOfLargeSetsMatchAWalkAskingTheSet() {
    Random random = new Random(SEED + 1);
    Dominance dominance = heap.dominance();
    for (int round = 0; round < 4; round++) {
      NodeSet set = randomSet(random, (int) Dominance.BIT_SET_MEMBERSHIP + random.nextInt(8_000));
      var expected = Dominos.walk(dominance.graph(), dominance.tree(), set::contains, null,
          org.hpq.hprof.store.BigArrays.onHeap(), org.hpq.hprof.dominators.TaskMonitor.NONE);
      assertThat(dominance.domisize(set)).as("round %d, seed %d", round, SEED).isEqualTo(expected.totalSize());
      NodeSet dominos = dominance.dominos(set);
      assertThat(dominos.count()).as("round %d, seed %d", round, SEED).isEqualTo(expected.objectCount());
      assertThat(dominos.and(heap.reachable())).as("round %d, seed %d", round, SEED).isEqualTo(dominos);
    }
    NodeSet single = NodeSet.of(heap.dump().objectCount() - 1);
    assertThat(dominance.domisize(single)).isEqualTo(dominance.retainedSize(single.first()));
  }
}
