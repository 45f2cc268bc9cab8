package org.hpq.hprof.store;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Path;
import java.util.Random;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The bulk methods of {@link IntArray} and {@link LongArray} agree with element-by-element access,
 * on the heap and in mapped files, including copies that cross a mapped segment boundary.
 */
class BulkAccessTest {
  private static final long SIZE = BigArrays.HEAP_LIMIT + 12_345; // mapped when scratch is mapped

  @Test
  void intBulkMethodsMatchSingleElementAccess(@TempDir Path directory) {
    for (BigArrays arrays : new BigArrays[] {BigArrays.onHeap(), BigArrays.scratchIn(directory)}) {
      long seed = 7;
      Random random = new Random(seed);
      try (IntArray array = arrays.newIntArray(SIZE);
          IntArray copy = arrays.newIntArray(SIZE)) {
        int[] values = new int[5_000];
        for (int k = 0; k < values.length; k++) {
          values[k] = random.nextInt();
        }
        long at = SIZE - values.length - 3;
        array.set(at, values, 0, values.length);
        for (int k = 0; k < values.length; k++) {
          assertThat(array.get(at + k)).as("seed %d, element %d", seed, k).isEqualTo(values[k]);
        }
        int[] back = new int[values.length + 2];
        array.get(at, back, 2, values.length);
        for (int k = 0; k < values.length; k++) {
          assertThat(back[k + 2]).as("seed %d, element %d", seed, k).isEqualTo(values[k]);
        }
        copy.copyFrom(array, at, 10, values.length);
        assertThat(copy.get(9)).isZero();
        assertThat(copy.get(10 + values.length - 1)).isEqualTo(values[values.length - 1]);
        copy.fill(5, 20, 7);
        assertThat(copy.get(4)).isZero();
        assertThat(copy.get(5)).isEqualTo(7);
        assertThat(copy.get(19)).isEqualTo(7);
        assertThat(copy.get(20)).isEqualTo(values[10]);
        copy.fill(-1);
        assertThat(copy.get(SIZE - 1)).isEqualTo(-1);
        assertThatThrownBy(() -> array.get(SIZE - 2, new int[4], 0, 4))
            .isInstanceOf(IndexOutOfBoundsException.class);
        assertThatThrownBy(() -> array.set(0, new int[4], 2, 3))
            .isInstanceOf(IndexOutOfBoundsException.class);
      }
    }
  }

  @Test
  void shortIntArraysHoldTwoByteValuesAndRefuseLargerOnes(@TempDir Path directory) {
    for (BigArrays arrays : new BigArrays[] {BigArrays.onHeap(), BigArrays.scratchIn(directory)}) {
      Random random = new Random(11);
      try (IntArray array = arrays.newUninitializedShortIntArray(SIZE);
          IntArray copy = arrays.newUninitializedShortIntArray(SIZE)) {
        int[] values = new int[5_000];
        for (int k = 0; k < values.length; k++) {
          values[k] = (short) random.nextInt();
        }
        values[0] = Short.MIN_VALUE;
        values[1] = Short.MAX_VALUE;
        values[2] = -1;
        long at = SIZE - values.length - 3;
        array.set(at, values, 0, values.length);
        int[] back = new int[values.length + 2];
        array.get(at, back, 2, values.length);
        for (int k = 0; k < values.length; k++) {
          assertThat(array.get(at + k)).as("element %d", k).isEqualTo(values[k]);
          assertThat(back[k + 2]).as("element %d", k).isEqualTo(values[k]);
        }
        copy.copyFrom(array, at, 10, values.length);
        assertThat(copy.get(10)).isEqualTo(Short.MIN_VALUE);
        assertThat(copy.get(12)).isEqualTo(-1);
        assertThatThrownBy(() -> array.get(SIZE - 2, new int[4], 0, 4)).isInstanceOf(IndexOutOfBoundsException.class);
      }
    }
    try (IntArray mapped = BigArrays.scratchIn(directory).newUninitializedShortIntArray(SIZE)) {
      assertThatThrownBy(() -> mapped.set(0, Short.MAX_VALUE + 1)).isInstanceOf(IllegalArgumentException.class);
      assertThatThrownBy(() -> mapped.set(0, Short.MIN_VALUE - 1)).isInstanceOf(IllegalArgumentException.class);
    }
  }

  @Test
  void longBulkMethodsMatchSingleElementAccess(@TempDir Path directory) {
    for (BigArrays arrays : new BigArrays[] {BigArrays.onHeap(), BigArrays.scratchIn(directory)}) {
      try (LongArray array = arrays.newLongArray(SIZE);
          LongArray copy = arrays.newLongArray(SIZE)) {
        for (long index = 0; index < SIZE; index += 997) {
          array.set(index, index * 31 - 5);
        }
        copy.copyFrom(array, 0, 0, SIZE);
        long[] chunk = new long[1000];
        for (long index = 0; index < SIZE; index += chunk.length) {
          int count = (int) Math.min(chunk.length, SIZE - index);
          copy.get(index, chunk, 0, count);
          for (int k = 0; k < count; k++) {
            assertThat(chunk[k]).as("element %d", index + k).isEqualTo(array.get(index + k));
          }
        }
        copy.fill(3, 5, 42L);
        assertThat(copy.get(3)).isEqualTo(42L);
        assertThat(copy.get(5)).isEqualTo(array.get(5));
      }
    }
  }

  @Test
  void mappedCopiesCrossSegmentBoundaries(@TempDir Path directory) {
    // A copy piece never crosses a segment; a small segment-spanning file checks the split.
    MappedFile file = MappedFile.temporary(directory, MappedFile.SEGMENT_BYTES + 64);
    try {
      long[] values = new long[16];
      for (int k = 0; k < values.length; k++) {
        values[k] = 1000L + k;
      }
      long start = MappedFile.SEGMENT_BYTES - 40; // five longs before the boundary, eleven after
      file.copyFromArray(values, Memory.UNSAFE.arrayBaseOffset(long[].class), start, 128);
      for (int k = 0; k < values.length; k++) {
        assertThat(file.getLong(start + 8L * k)).as("long %d", k).isEqualTo(1000L + k);
      }
      long[] back = new long[16];
      file.copyToArray(start, back, Memory.UNSAFE.arrayBaseOffset(long[].class), 128);
      assertThat(back).containsExactly(values);
      file.setBytes(start + 8, 64, (byte) 0);
      assertThat(file.getLong(start)).isEqualTo(1000L);
      assertThat(file.getLong(start + 8)).isZero();
      assertThat(file.getLong(start + 64)).isZero();
      assertThat(file.getLong(start + 72)).isEqualTo(1009L);
    } finally {
      file.close();
    }
  }
}
