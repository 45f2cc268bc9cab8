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
  void offsetsOfLargerGraphsTakeEightBytes() throws Exception {
    Path file = directory.resolve("wide");
    try (LongArray offsets = BigArrays.newOffsets(file, 1000, 1L << 32)) {
      write(offsets, 1L << 30);
    }
    assertThat(Files.size(file)).isEqualTo(8000);
    try (LongArray again = BigArrays.mapOffsets(file, 1000)) {
      assertThat(again.get(999)).isEqualTo(999L << 30);
    }
  }
}
