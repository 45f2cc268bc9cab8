package org.hpq.equivalence.internal;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.TreeMap;
import org.hpq.setalgebra.NodeSet;
import org.junit.jupiter.api.Test;

/**
 * Tallies over dense regions (with far jumps that spill into the hash table), hashed keys and
 * batch-local keys, merged under a settlement, against a sorted map of the same additions.
 * Seeded.
 */
class ClassTallyTest {
  private static final long SEED = 20261124L;
  private static final long LOCAL = 1L << 50;
  private static final long SECOND_REGION = 1L << 40;

  /** Region 0: keys 0 .. 2^30; region 1: SECOND_REGION + 0 .. 2^30; local: LOCAL + index. */
  private static final BulkKeys KEYS = new BulkKeys() {
    @Override
    public KeyBatch newBatch() {
      throw new UnsupportedOperationException();
    }

    @Override
    public int denseRegions() {
      return 2;
    }

    @Override
    public long denseSlot(long key) {
      if (key >= 0 && key < (1 << 30)) {
        return key;
      }
      long index = key - SECOND_REGION;
      return index >= 0 && index < (1 << 30) ? (1L << 32) | index : -1;
    }

    @Override
    public long denseKey(int region, int index) {
      return region == 0 ? index : SECOND_REGION + index;
    }

    @Override
    public int localIndex(long key) {
      return (key & LOCAL) != 0 ? (int) key : -1;
    }
  };

  @Test
  void mergedTalliesEqualASortedMap() {
    Random random = new Random(SEED);
    for (int round = 0; round < 120; round++) {
      int tallyCount = 1 + random.nextInt(3);
      int maxKept = random.nextBoolean() ? Integer.MAX_VALUE : 1 + random.nextInt(60);
      long setSize = random.nextBoolean() ? 1 << 20 : 100;
      int locals = 1 + random.nextInt(30);
      boolean useLocals = random.nextBoolean();
      // Keys repeat (a pool per round), near and far, so a key that spilled comes back after
      // its region has grown past it.
      long[] pool = new long[5 + random.nextInt(80)];
      for (int k = 0; k < pool.length; k++) {
        pool[k] = randomFinalKey(random);
      }
      long[][] settled = new long[tallyCount][locals];
      List<ClassTally> tallies = new ArrayList<>();
      Map<Long, long[]> expected = new TreeMap<>();
      Map<Long, NodeSet.Builder> members = new TreeMap<>();
      int node = 0;
      for (int t = 0; t < tallyCount; t++) {
        for (int i = 0; i < locals; i++) {
          settled[t][i] = pool[random.nextInt(pool.length)];
        }
        ClassTally tally = new ClassTally(KEYS, maxKept, setSize);
        tallies.add(tally);
        int additions = random.nextInt(400);
        for (int a = 0; a < additions; a++) {
          node += 1 + random.nextInt(3);
          long key;
          long finalKey;
          if (useLocals && random.nextInt(4) == 0) {
            int index = random.nextInt(locals);
            key = LOCAL | index;
            finalKey = settled[t][index];
          } else {
            key = pool[random.nextInt(pool.length)];
            finalKey = key;
          }
          long size = random.nextInt(100);
          int repeat = 1 + random.nextInt(3);
          for (int r = 0; r < repeat; r++) {
            tally.add(key, node, size);
            long[] totals = expected.computeIfAbsent(finalKey, k -> new long[2]);
            totals[0]++;
            totals[1] += size;
            members.computeIfAbsent(finalKey, k -> NodeSet.builder()).add(node);
            node++;
          }
        }
      }
      ClassTally merged = ClassTally.merge(tallies, (batch, index) -> settled[batch][index], KEYS, maxKept);
      ClassTally.Classes classes = merged.classes();
      String context = String.format("round %d, seed %d", round, SEED);
      assertThat(classes.keys()).as(context).containsExactly(expected.keySet().stream().mapToLong(Long::longValue).toArray());
      int i = 0;
      for (var entry : expected.entrySet()) {
        assertThat(classes.counts()[i]).as(context).isEqualTo(entry.getValue()[0]);
        assertThat(classes.sizes()[i]).as(context).isEqualTo(entry.getValue()[1]);
        // A tally may drop members while its local keys still count apart; never when kept.
        if (classes.members() != null) {
          assertThat(classes.members()[i]).as(context).isEqualTo(members.get(entry.getKey()).build());
        }
        i++;
      }
      if (expected.size() > maxKept) {
        assertThat(classes.members()).as(context).isNull();
      }
      if (!useLocals) {
        assertThat(classes.members() == null).as(context).isEqualTo(expected.size() > maxKept);
      }
    }
  }

  /** A key of region 0 or 1 (sometimes far out, past the dense reach), or a hashed key. */
  private static long randomFinalKey(Random random) {
    return switch (random.nextInt(5)) {
      case 0 -> random.nextInt(50);
      case 1 -> random.nextInt(1 << 18);
      case 2 -> SECOND_REGION + random.nextInt(40);
      case 3 -> SECOND_REGION + (1 << 16) + random.nextInt(1 << 18);
      default -> -1 - random.nextInt(30);
    };
  }
}
