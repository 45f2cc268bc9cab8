package org.hpq.hprof.internal;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Random;
import org.hpq.hprof.store.BigArrays;
import org.junit.jupiter.api.Test;

/** The build's rank bit set lookup agrees with {@link IdIndex} on aligned, odd and sparse ids. */
class IdLookupTest {
  private static final long SEED = 20261208L;

  @Test
  void agreesWithTheIdIndex() {
    for (int round = 0; round < 30; round++) {
      long seed = SEED + round;
      Random random = new Random(seed);
      int alignment = 1 << random.nextInt(5);
      long base = random.nextBoolean() ? 0x7_0000_0000L : (random.nextLong() >>> 2) & ~0xFFL;
      int gaps = random.nextInt(3) == 0 ? 1 << 12 : 16;
      long[] ids = new long[random.nextInt(5000)];
      long id = base;
      for (int i = 0; i < ids.length; i++) {
        id += (long) alignment * (1 + random.nextInt(gaps));
        ids[i] = id;
      }
      if (random.nextInt(4) == 0 && ids.length > 2) {
        ids[0] = 0; // with the largest id below, a span of all 64 bits
      }
      if (random.nextInt(4) == 0 && ids.length > 2) {
        ids[ids.length - 1] = alignment == 1 ? -1 : -8; // the largest unsigned id: a far span
      }
      IdIndex index = IdIndex.build(BigArrays.wrap(ids), ids.length, BigArrays.onHeap());
      try (IdLookup lookup = IdLookup.build(index, BigArrays.onHeap())) {
        for (int i = 0; i < ids.length; i++) {
          assertThat(lookup.indexOf(ids[i])).as("seed %d, id %d", seed, i).isEqualTo(i);
        }
        for (int probe = 0; probe < 3000; probe++) {
          long candidate =
              switch (random.nextInt(3)) {
                case 0 -> random.nextLong();
                case 1 -> base + random.nextInt(Math.max(1, ids.length * gaps * alignment));
                default -> ids.length == 0 ? 0 : ids[random.nextInt(ids.length)] + 1 + random.nextInt(alignment * 2);
              };
          assertThat(lookup.indexOf(candidate)).as("seed %d, probe 0x%x", seed, candidate).isEqualTo(index.indexOf(candidate));
        }
      }
    }
  }
}
