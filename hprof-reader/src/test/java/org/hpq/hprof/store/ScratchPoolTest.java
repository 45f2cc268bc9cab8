package org.hpq.hprof.store;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class ScratchPoolTest {
  @TempDir Path directory;

  private static final long SIZE = BigArrays.HEAP_LIMIT + 1000;

  @Test
  void aZeroedArrayFromReusedScratchReadsAsZeroEverywhere() {
    try (BigArrays arrays = BigArrays.pooledScratchIn(directory)) {
      IntArray first = arrays.newIntArray(SIZE);
      first.fill(0, SIZE, -1);
      first.set(SIZE - 1, 42);
      first.close();
      LongArray second = arrays.newLongArray(SIZE);
      for (long i = 0; i < SIZE; i += 997) {
        assertThat(second.get(i)).as("element %d", i).isZero();
      }
      assertThat(second.get(SIZE - 1)).isZero();
      second.close();
    }
  }

  @Test
  void reusesTheReleasedFileInsteadOfMakingAnother() throws Exception {
    try (BigArrays arrays = BigArrays.pooledScratchIn(directory)) {
      IntArray first = arrays.newUninitializedIntArray(SIZE);
      first.set(5, 1234);
      first.close();
      IntArray second = arrays.newUninitializedIntArray(SIZE);
      assertThat(second.get(5)).as("the same pages, not cleared").isEqualTo(1234);
      IntArray third = arrays.newIntArray(SIZE);
      assertThat(third.get(5)).as("a new file while the first is leased").isZero();
      second.close();
      third.close();
    }
    try (Stream<Path> left = Files.list(directory)) {
      assertThat(left).as("scratch files are unlinked at once").isEmpty();
    }
  }

  @Test
  void closingAnArrayTwiceReleasesItsFileOnce() {
    try (BigArrays arrays = BigArrays.pooledScratchIn(directory)) {
      IntArray first = arrays.newIntArray(SIZE);
      first.close();
      first.close();
      IntArray second = arrays.newIntArray(SIZE);
      IntArray third = arrays.newIntArray(SIZE);
      second.set(7, 1);
      assertThat(third.get(7)).as("two live arrays never share a file").isZero();
      second.close();
      third.close();
    }
  }
}
