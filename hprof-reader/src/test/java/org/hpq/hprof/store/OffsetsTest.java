package org.hpq.hprof.store;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class OffsetsTest {
  @TempDir Path directory;

  private static void write(LongArray offsets, long step) {
    for (long i = 0; i < offsets.size(); i++) {
      offsets.set(i, i * step);
    }
  }

  @Test
  void offsetsOfGraphsUnder4GEdgesTakeFourBytesAndReadBackUnsigned() throws Exception {
    Path file = directory.resolve("narrow");
    try (LongArray offsets = BigArrays.newOffsets(file, 1000, 0xFFFF_FFFFL)) {
      write(offsets, 4_000_000L);
      assertThat(offsets.get(999)).isEqualTo(3_996_000_000L);
      assertThatThrownBy(() -> offsets.set(0, 1L << 32)).isInstanceOf(IllegalArgumentException.class);
      long[] bulk = new long[3];
      offsets.get(997, bulk, 0, 3);
      assertThat(bulk).containsExactly(3_988_000_000L, 3_992_000_000L, 3_996_000_000L);
    }
    assertThat(Files.size(file)).isEqualTo(4000);
    try (LongArray again = BigArrays.mapOffsets(file, 1000)) {
      assertThat(again.get(999)).as("above 2^31, read as unsigned").isEqualTo(3_996_000_000L);
      assertThat(again.get(1)).isEqualTo(4_000_000L);
    }
  }

  @Test
  void offsetsBelowTwoToTheFortyTakeFiveBytes() throws Exception {
    Path file = directory.resolve("forty");
    long largest = (1L << 40) - 1;
    try (LongArray offsets = BigArrays.newOffsets(file, 1000, largest)) {
      write(offsets, 1L << 30);
      offsets.set(998, largest);
      assertThat(offsets.get(999)).isEqualTo(999L << 30);
      assertThat(offsets.get(998)).isEqualTo(largest);
      assertThatThrownBy(() -> offsets.set(0, 1L << 40)).isInstanceOf(IllegalArgumentException.class);
      assertThatThrownBy(() -> offsets.set(0, -1)).isInstanceOf(IllegalArgumentException.class);
      assertThatThrownBy(() -> offsets.get(1000)).isInstanceOf(IndexOutOfBoundsException.class);
      long[] bulk = new long[3];
      offsets.get(996, bulk, 0, 3);
      assertThat(bulk).containsExactly(996L << 30, 997L << 30, largest);
    }
    assertThat(Files.size(file)).isEqualTo(5000);
    try (LongArray again = BigArrays.mapOffsets(file, 1000)) {
      assertThat(again.get(999)).isEqualTo(999L << 30);
      assertThat(again.get(998)).isEqualTo(largest);
      assertThat(again.get(4)).as("a value whose high byte is 1").isEqualTo(4L << 30);
      assertThat(again.get(5)).isEqualTo(5L << 30);
    }
  }

  @Test
  void offsetsOfLargerGraphsTakeEightBytes() throws Exception {
    Path file = directory.resolve("wide");
    try (LongArray offsets = BigArrays.newOffsets(file, 1000, 1L << 40)) {
      write(offsets, 1L << 31);
    }
    assertThat(Files.size(file)).isEqualTo(8000);
    try (LongArray again = BigArrays.mapOffsets(file, 1000)) {
      assertThat(again.get(999)).isEqualTo(999L << 31);
    }
  }
}
