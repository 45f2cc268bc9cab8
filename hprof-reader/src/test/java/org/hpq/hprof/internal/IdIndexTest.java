package org.hpq.hprof.internal;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Arrays;
import java.util.Random;
import org.hpq.hprof.store.BigArrays;
import org.hpq.hprof.store.LongArray;
import org.junit.jupiter.api.Test;

/** The radix sort of (id, offset) pairs and the id-to-index lookup, against plain Java on seeded data. */
class IdIndexTest {
  private static final long SEED = 20261121L;

  @Test
  void sortsPairsAsUnsignedKeysStably() {
    for (int round = 0; round < 40; round++) {
      long seed = SEED + round;
      Random random = new Random(seed);
      int count = 1 + random.nextInt(3000);
      long[] keys = new long[count];
      long base = random.nextBoolean() ? 0x7_0000_0000L : random.nextLong();
      for (int i = 0; i < count; i++) {
        // Mostly nearby addresses, some far apart (top bits differ), some repeated.
        keys[i] =
            switch (random.nextInt(4)) {
              case 0 -> random.nextLong();
              case 1 -> i > 0 ? keys[random.nextInt(i)] : base;
              default -> base + 8L * random.nextInt(1 << 20);
            };
      }
      LongArray keyArray = BigArrays.wrap(keys.clone());
      long[] values = new long[count];
      for (int i = 0; i < count; i++) {
        values[i] = i;
      }
      LongArray valueArray = BigArrays.wrap(values);
      PairSorter.sort(keyArray, valueArray, count, BigArrays.onHeap());
      Long[] expected = new Long[count];
      for (int i = 0; i < count; i++) {
        expected[i] = (long) i;
      }
      // Stable unsigned order of the original positions.
      Arrays.sort(expected, (a, b) -> Long.compareUnsigned(keys[(int) (long) a], keys[(int) (long) b]));
      for (int i = 0; i < count; i++) {
        assertThat(valueArray.get(i)).as("seed %d, position %d", seed, i).isEqualTo(expected[i]);
        assertThat(keyArray.get(i)).as("seed %d", seed).isEqualTo(keys[(int) (long) expected[i]]);
      }
    }
  }

  @Test
  void findsEveryIdAndNothingElse() {
    for (int round = 0; round < 40; round++) {
      long seed = SEED * 7 + round;
      Random random = new Random(seed);
      int count = random.nextInt(2000);
      long[] ids = new long[count];
      long address = random.nextBoolean() ? 0x7_0000_0000L : -0x1000_0000L;
      for (int i = 0; i < count; i++) {
        address += 8L * (1 + (random.nextInt(10) == 0 ? random.nextInt(1 << 16) : random.nextInt(8)));
        ids[i] = address;
      }
      IdIndex index = IdIndex.build(BigArrays.wrap(ids), count, BigArrays.onHeap());
      for (int i = 0; i < count; i++) {
        assertThat(index.indexOf(ids[i])).as("seed %d", seed).isEqualTo(i);
        long missing = ids[i] + 4;
        assertThat(index.indexOf(missing)).as("seed %d", seed).isEqualTo(-1);
      }
      assertThat(index.indexOf(0)).isEqualTo(-1);
      assertThat(index.indexOf(-1L)).isEqualTo(count > 0 && ids[count - 1] == -1L ? count - 1 : -1);
      if (count > 0) {
        assertThat(index.indexOf(ids[0] - 8)).isEqualTo(-1);
        assertThat(index.indexOf(ids[count - 1] + 8)).isEqualTo(-1);
      }
    }
  }
}
