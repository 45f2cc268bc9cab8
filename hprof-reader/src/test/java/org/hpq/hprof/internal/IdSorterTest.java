package org.hpq.hprof.internal;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Random;
import org.hpq.hprof.HprofFormatException;
import org.hpq.hprof.store.BigArrays;
import org.hpq.hprof.store.LongArray;
import org.junit.jupiter.api.Test;

/**
 * The id ordering of the build, merge path and radix path, against a plain stable sort with the
 * first of each repeated id kept, on seeded data shaped like HotSpot's (long ascending runs after
 * a few unordered class dumps) and on random data.
 */
class IdSorterTest {
  private static final long SEED = 20261207L;

  @Test
  void mergesLongRunsAndLeftoversLikeAStableSort() throws HprofFormatException {
    for (int round = 0; round < 12; round++) {
      long seed = SEED + round;
      Random random = new Random(seed);
      List<Long> keys = new ArrayList<>();
      for (int c = random.nextInt(300); c > 0; c--) {
        keys.add(0x7_0000_0000L + 8L * random.nextInt(1 << 24));
      }
      int runs = 1 + random.nextInt(5);
      for (int r = 0; r < runs; r++) {
        long id = 0x7_0000_0000L + 8L * random.nextInt(1 << 24);
        for (int i = (int) IdSorter.MIN_RUN + random.nextInt(3000); i > 0; i--) {
          id += 8L * (1 + random.nextInt(random.nextInt(8) == 0 ? 1 : 6));
          keys.add(id);
        }
        // A few short unordered pieces between the runs, some with repeated ids.
        for (int c = random.nextInt(20); c > 0; c--) {
          keys.add(random.nextBoolean() ? keys.get(random.nextInt(keys.size())) : random.nextLong());
        }
      }
      long[] input = keys.stream().mapToLong(Long::longValue).toArray();
      assertThat(IdSorter.longRunsOrNull(BigArrays.wrap(input), input.length)).as("seed %d", seed).hasSize(runs);
      check(seed, input, false);
    }
  }

  @Test
  void sortsRandomAndAscendingInputLikeAStableSort() throws HprofFormatException {
    for (int round = 0; round < 20; round++) {
      long seed = SEED + 1000 + round;
      Random random = new Random(seed);
      long[] input = new long[random.nextInt(20_000)];
      for (int i = 0; i < input.length; i++) {
        input[i] = random.nextInt(3) == 0 && i > 0 ? input[random.nextInt(i)] : random.nextLong();
      }
      check(seed, input, false);
      long[] ascending = Arrays.stream(input).map(v -> v >>> 1).distinct().sorted().toArray();
      check(seed, ascending, true);
    }
  }

  @Test
  void stopsAtTheFirstDuplicateWhenTheHandlerThrows() {
    long[] input = {40, 8, 16, 8, 24, 16};
    LongArray sortedIds = BigArrays.wrap(new long[input.length]);
    LongArray sortedOffsets = BigArrays.wrap(new long[input.length]);
    assertThatThrownBy(
            () ->
                IdSorter.sortInto(
                    BigArrays.wrap(input.clone()), BigArrays.wrap(new long[] {0, 1, 2, 3, 4, 5}), input.length, false,
                    sortedIds, sortedOffsets, BigArrays.onHeap(),
                    (id, offset) -> {
                      throw new HprofFormatException("dump", offset, "heap dump", "duplicate " + id);
                    }))
        .hasMessageContaining("duplicate 8")
        .hasMessageContaining("0x3");
  }

  private static void check(long seed, long[] input, boolean ascending) throws HprofFormatException {
    int count = input.length;
    long[] offsets = new long[count];
    for (int i = 0; i < count; i++) {
      offsets[i] = 1000L + i;
    }
    Integer[] order = new Integer[count];
    for (int i = 0; i < count; i++) {
      order[i] = i;
    }
    Arrays.sort(order, (a, b) -> Long.compareUnsigned(input[a], input[b]));
    List<Long> expectedIds = new ArrayList<>();
    List<Long> expectedOffsets = new ArrayList<>();
    List<Long> expectedDuplicates = new ArrayList<>();
    for (int position : order) {
      if (!expectedIds.isEmpty() && expectedIds.get(expectedIds.size() - 1) == input[position]) {
        expectedDuplicates.add(offsets[position]);
      } else {
        expectedIds.add(input[position]);
        expectedOffsets.add(offsets[position]);
      }
    }
    LongArray sortedIds = BigArrays.wrap(new long[count]);
    LongArray sortedOffsets = BigArrays.wrap(new long[count]);
    List<Long> duplicates = new ArrayList<>();
    long kept =
        IdSorter.sortInto(
            BigArrays.wrap(input.clone()), BigArrays.wrap(offsets.clone()), count, ascending, sortedIds, sortedOffsets,
            BigArrays.onHeap(), (id, offset) -> duplicates.add(offset));
    assertThat(kept).as("seed %d", seed).isEqualTo(expectedIds.size());
    for (int i = 0; i < kept; i++) {
      assertThat(sortedIds.get(i)).as("seed %d, position %d", seed, i).isEqualTo(expectedIds.get(i));
      assertThat(sortedOffsets.get(i)).as("seed %d, position %d", seed, i).isEqualTo(expectedOffsets.get(i));
    }
    assertThat(duplicates).as("seed %d", seed).isEqualTo(expectedDuplicates);
  }
}
