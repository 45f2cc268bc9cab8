package org.hpq.hprof.io;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import org.hpq.hprof.io.internal.MemberBlocks;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;

@Timeout(60)
class MemberBlocksTest {
  private static final long SEED = 91;

  @TempDir Path directory;

  @Test
  void prefetchedBlocksAreReadyAndEqualThePlainBytes() throws IOException {
    byte[] plain = TestGzip.plainBytes(SEED, 500_000);
    TestGzip.Chunked chunked = TestGzip.chunked(plain, 32 << 10, SEED);
    Path file = Files.write(directory.resolve("p.hprof.gz"), chunked.bytes());
    try (ChunkedGzipSource source = ChunkedGzipSource.open(file);
        FileDumpSource compressed = FileDumpSource.open(file);
        MemberBlocks blocks = new MemberBlocks(compressed, file, source.index(), 8)) {
      assertThat(blocks.readyOrNull(2)).isNull();
      blocks.prefetch(2, 20); // at most half the cache: members 2..5
      for (int member = 2; member <= 5; member++) {
        byte[] ready = blocks.readyOrNull(member);
        assertThat(ready).as("seed %d member %d", SEED, member).isNotNull();
        int start = (int) chunked.plainOffsets()[member];
        assertThat(ready).isEqualTo(Arrays.copyOfRange(plain, start, start + ready.length));
      }
      assertThat(blocks.readyOrNull(6)).isNull();
    }
  }
}
