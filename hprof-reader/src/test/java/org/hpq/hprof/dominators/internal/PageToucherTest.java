package org.hpq.hprof.dominators.internal;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.util.Random;
import org.hpq.hprof.store.BigArrays;
import org.hpq.hprof.store.IntArray;
import org.hpq.hprof.store.LongArray;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class PageToucherTest {
  private static final int SIZE = 3_000_001; // mapped, not a whole number of pages

  @TempDir Path folder;

  /** Touching races with a writer on the same mapped arrays and must not change anything. */
  @Test
  void touchingLeavesArraysAsWrittenMeanwhile() {
    long seed = new Random().nextLong();
    Random random = new Random(seed);
    BigArrays arrays = BigArrays.scratchIn(folder);
    try (IntArray ints = arrays.newIntArray(SIZE);
        LongArray longs = arrays.newLongArray(SIZE)) {
      int[] expectedInts = new int[SIZE];
      long[] expectedLongs = new long[SIZE];
      try (PageToucher toucher = new PageToucher().add(ints).add(longs).start()) {
        for (int step = 0; step < 4 * SIZE; step++) {
          int index = random.nextInt(SIZE);
          int value = random.nextInt();
          ints.set(index, value);
          expectedInts[index] = value;
          longs.set(SIZE - 1 - index, (long) value << 20);
          expectedLongs[SIZE - 1 - index] = (long) value << 20;
        }
      }
      for (int index = 0; index < SIZE; index++) {
        assertThat(ints.get(index)).as("int %d, seed %d", index, seed).isEqualTo(expectedInts[index]);
        assertThat(longs.get(index)).as("long %d, seed %d", index, seed)
            .isEqualTo(expectedLongs[index]);
      }
    }
  }

  @Test
  void closingWithoutStartingOrTwiceIsAllowed() {
    new PageToucher().close();
    PageToucher toucher = new PageToucher().add(BigArrays.onHeap().newIntArray(10)).start();
    toucher.close();
    toucher.close();
  }
}
