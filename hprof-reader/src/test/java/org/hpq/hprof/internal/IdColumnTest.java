package org.hpq.hprof.internal;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.util.SplittableRandom;
import org.hpq.hprof.store.BigArrays;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The scan's id column keeps ids in 4 bytes while they are 8-byte steps within 32 GB of a base
 * guessed from the first id, and moves to 8 bytes, keeping every id, at the first that is not. The
 * column is larger than {@link BigArrays#HEAP_LIMIT}, so its 4-byte array is a mapped one, which
 * refuses a value it cannot hold: a column that failed to widen would throw.
 */
class IdColumnTest {
  private static final long SIZE = BigArrays.HEAP_LIMIT + 1000;

  @TempDir Path scratchDirectory;

  @Test
  void hotSpotIdsStayNarrow() {
    long first = 0x6_2356_F250L;
    long[] ids = {first, first + 8, first - (1L << 33), first + (1L << 34) - 8, first + 16};
    try (BigArrays scratch = BigArrays.scratchIn(scratchDirectory); IdColumn column = column(scratch)) {
      write(column, ids);
      assertThat(column.narrow()).isTrue();
      assertThat(column.base()).isEqualTo(first - (1L << 34));
      assertRead(column, ids);
    }
  }

  @Test
  void smallFirstIdKeepsItsRemainder() {
    long[] ids = {0x1003, 0x3, 0x1003 + (1L << 34), 0x2003};
    try (BigArrays scratch = BigArrays.scratchIn(scratchDirectory); IdColumn column = column(scratch)) {
      write(column, ids);
      assertThat(column.narrow()).isTrue();
      assertThat(column.base()).isEqualTo(3);
      assertRead(column, ids);
    }
  }

  @Test
  void anIdOffTheStepWidens() {
    assertWidens(0x6_0000_0000L, 0x6_0000_0004L);
  }

  @Test
  void anIdBelowTheBaseWidens() {
    assertWidens(1L << 40, (1L << 40) - (1L << 34) - 8);
  }

  @Test
  void anIdTooFarAboveWidens() {
    assertWidens(1L << 40, (1L << 40) + (1L << 34) + 8);
  }

  @Test
  void idsNearTheTopOfTheUnsignedRangeAreWideFromTheStart() {
    long[] ids = {-8L, -16L, 0x1000};
    try (BigArrays scratch = BigArrays.scratchIn(scratchDirectory); IdColumn column = column(scratch)) {
      write(column, ids);
      assertThat(column.narrow()).isFalse();
      assertRead(column, ids);
    }
  }

  @Test
  void manyIdsWrittenInBatchesThenOneThatWidens() {
    SplittableRandom random = new SplittableRandom(7);
    long[] ids = new long[(int) SIZE];
    long first = 0x5_8000_0000L;
    for (int i = 0; i < ids.length; i++) {
      ids[i] = first + 8L * random.nextInt(1 << 28);
    }
    ids[ids.length - 3] = 0x9_0000_0001L;
    try (BigArrays scratch = BigArrays.scratchIn(scratchDirectory); IdColumn column = column(scratch)) {
      for (int at = 0; at < ids.length; at += 4096) {
        column.set(at, ids, at, Math.min(4096, ids.length - at));
      }
      assertThat(column.narrow()).isFalse();
      assertRead(column, ids);
    }
  }

  private void assertWidens(long first, long misfit) {
    long[] ids = {first, first + 8, misfit, first + 24};
    try (BigArrays scratch = BigArrays.scratchIn(scratchDirectory); IdColumn column = column(scratch)) {
      write(column, ids);
      assertThat(column.narrow()).isFalse();
      assertRead(column, ids);
    }
  }

  private static IdColumn column(BigArrays scratch) {
    return new IdColumn(SIZE, scratch::newUninitializedNarrowLongArray, scratch::newUninitializedLongArray);
  }

  /** Writes the ids one by one, at indexes far apart (the scan writes them in order; any order must do). */
  private static void write(IdColumn column, long[] ids) {
    for (int i = 0; i < ids.length; i++) {
      column.set(index(i), ids[i]);
    }
  }

  private static void assertRead(IdColumn column, long[] ids) {
    if (ids.length == SIZE) {
      int mismatch = -1;
      for (int i = 0; i < ids.length && mismatch < 0; i++) {
        mismatch = column.get(i) == ids[i] ? -1 : i;
      }
      assertThat(mismatch).as("first id read back wrong").isEqualTo(-1);
      return;
    }
    for (int i = 0; i < ids.length; i++) {
      assertThat(column.get(index(i))).as("id %d", i).isEqualTo(ids[i]);
    }
  }

  private static long index(int i) {
    return i * (SIZE / 8);
  }
}
