package org.hpq.hprof.io;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.io.InterruptedIOException;
import java.nio.channels.ClosedByInterruptException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.FileTime;
import java.util.Arrays;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;

@Timeout(60)
class InflatedGzipSourceTest {
  private static final long SEED = 61;

  @TempDir Path directory;

  private final byte[] plain = TestGzip.plainBytes(SEED, 2_500_000);

  private List<Path> cacheFiles(Path cache) throws IOException {
    if (!Files.isDirectory(cache)) {
      return List.of();
    }
    try (Stream<Path> files = Files.list(cache)) {
      return files.sorted().toList();
    }
  }

  @Test
  void inflatesOnceIntoTheCacheAndReusesTheCopy() throws IOException {
    Path gzip =
        Files.write(
            directory.resolve("dump.hprof.gz"),
            TestGzip.gzipOutputStreamMember(plain, 0, plain.length));
    Path cache = directory.resolve("cache");
    Path copy;
    try (FileDumpSource source = InflatedGzipSource.open(gzip, cache)) {
      assertThat(source.name()).isEqualTo(gzip.toString());
      assertThat(source.format()).isEqualTo(DumpFormat.GZIP);
      assertThat(TestGzip.readAll(source, 1 << 20)).as("seed %d", SEED).isEqualTo(plain);
      copy = source.path();
    }
    assertThat(cacheFiles(cache)).containsExactly(copy);
    assertThat(copy).isEqualTo(InflatedGzipSource.cachedCopy(gzip, cache));
    // Mark the copy: a reopen that reuses it sees the mark, one that inflates again would not.
    byte[] marked = Files.readAllBytes(copy);
    marked[0] = 'X';
    Files.write(copy, marked);
    try (FileDumpSource source = InflatedGzipSource.open(gzip, cache)) {
      byte[] first = new byte[1];
      source.read(0, first, 0, 1);
      assertThat(first[0]).isEqualTo((byte) 'X');
    }
  }

  @Test
  void changedGzipFileGetsAFreshCopyAndTheStaleOneIsDeleted() throws IOException {
    Path gzip =
        Files.write(
            directory.resolve("dump.hprof.gz"),
            TestGzip.gzipOutputStreamMember(plain, 0, plain.length));
    Path cache = directory.resolve("cache");
    Path oldCopy;
    try (FileDumpSource source = InflatedGzipSource.open(gzip, cache)) {
      oldCopy = source.path();
    }
    byte[] changed = TestGzip.plainBytes(SEED + 1, 100_000);
    Files.write(gzip, TestGzip.gzipOutputStreamMember(changed, 0, changed.length));
    Files.setLastModifiedTime(gzip, FileTime.fromMillis(1_500_000_000_000L));
    try (FileDumpSource source = InflatedGzipSource.open(gzip, cache)) {
      assertThat(TestGzip.readAll(source, 1 << 16)).isEqualTo(changed);
      assertThat(source.path()).isNotEqualTo(oldCopy);
      assertThat(cacheFiles(cache)).containsExactly(source.path());
    }
  }

  @Test
  void severalMembersAreConcatenated() throws IOException {
    byte[] first = TestGzip.gzipOutputStreamMember(plain, 0, 1_000_000);
    byte[] second = TestGzip.gzipOutputStreamMember(plain, 1_000_000, plain.length - 1_000_000);
    byte[] both = Arrays.copyOf(first, first.length + second.length);
    System.arraycopy(second, 0, both, first.length, second.length);
    Path gzip = Files.write(directory.resolve("two.hprof.gz"), both);
    try (FileDumpSource source = InflatedGzipSource.open(gzip, directory.resolve("cache"))) {
      assertThat(TestGzip.readAll(source, 1 << 20)).as("seed %d", SEED).isEqualTo(plain);
    }
  }

  @Test
  void chunkedGzipCanAlsoBeInflatedToACopy() throws IOException {
    Path gzip =
        Files.write(
            directory.resolve("chunked.hprof.gz"), TestGzip.chunked(plain, 50_000, SEED).bytes());
    try (FileDumpSource source = InflatedGzipSource.open(gzip, directory.resolve("cache"))) {
      assertThat(TestGzip.readAll(source, 1 << 20)).as("seed %d", SEED).isEqualTo(plain);
    }
  }

  @Test
  void truncatedGzipFailsAndLeavesNothingInTheCache() throws IOException {
    byte[] whole = TestGzip.gzipOutputStreamMember(plain, 0, plain.length);
    Path gzip =
        Files.write(directory.resolve("cut.hprof.gz"), Arrays.copyOf(whole, whole.length / 2));
    Path cache = directory.resolve("cache");
    assertThatThrownBy(() -> InflatedGzipSource.open(gzip, cache))
        .isInstanceOf(CorruptGzipException.class)
        .hasMessageContaining(gzip.toString())
        .hasMessageContaining("compressed offset 0x0")
        .hasMessageContaining("truncated");
    assertThat(cacheFiles(cache)).isEmpty();
  }

  @Test
  void garbageAfterTheLastMemberFails() throws IOException {
    byte[] whole = TestGzip.gzipOutputStreamMember(plain, 0, 1000);
    byte[] withGarbage = Arrays.copyOf(whole, whole.length + 4);
    Path gzip = Files.write(directory.resolve("garbage.hprof.gz"), withGarbage);
    Path cache = directory.resolve("cache");
    assertThatThrownBy(() -> InflatedGzipSource.open(gzip, cache))
        .isInstanceOf(CorruptGzipException.class)
        .hasMessageContaining("0x" + Integer.toHexString(whole.length));
    assertThat(cacheFiles(cache)).isEmpty();
  }

  @Test
  void interruptionStopsInflatingAndLeavesNothing() throws IOException {
    Path gzip =
        Files.write(
            directory.resolve("dump.hprof.gz"),
            TestGzip.gzipOutputStreamMember(plain, 0, plain.length));
    Path cache = directory.resolve("cache");
    Thread.currentThread().interrupt();
    try {
      // Opening a channel on an interrupted thread already fails; either way, nothing is left.
      assertThatThrownBy(() -> InflatedGzipSource.open(gzip, cache))
          .isInstanceOfAny(InterruptedIOException.class, ClosedByInterruptException.class);
    } finally {
      Thread.interrupted();
    }
    assertThat(cacheFiles(cache)).isEmpty();
  }
}
