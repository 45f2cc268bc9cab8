package org.hpq.hprof.io;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.nio.channels.ClosedChannelException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Random;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import org.hpq.testkit.GzipFormats;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;

@Timeout(60)
class ChunkedGzipSourceTest {
  private static final int BLOCK_SIZE = 64 << 10;

  @TempDir Path directory;

  private Path write(byte[] bytes) throws IOException {
    return Files.write(Files.createTempFile(directory, "dump", ".hprof.gz"), bytes);
  }

  @Test
  void indexRecordsWhereEveryMemberLies() throws IOException {
    long seed = 11;
    byte[] plain = TestGzip.plainBytes(seed, 3_000_000);
    TestGzip.Chunked chunked = TestGzip.chunked(plain, BLOCK_SIZE, seed);
    try (ChunkedGzipSource source = ChunkedGzipSource.open(write(chunked.bytes()))) {
      ChunkedGzipIndex index = source.index();
      assertThat(index.blockSize()).isEqualTo(BLOCK_SIZE);
      assertThat(index.plainLength()).isEqualTo(plain.length);
      assertThat(index.compressedLength()).isEqualTo(chunked.bytes().length);
      assertThat(index.memberOffsets())
          .as("seed %d", seed)
          .containsExactly(chunked.memberOffsets());
      assertThat(index.plainOffsets()).as("seed %d", seed).containsExactly(chunked.plainOffsets());
      assertThat(source.length()).isEqualTo(plain.length);
      assertThat(source.format()).isEqualTo(DumpFormat.CHUNKED_GZIP);
    }
  }

  @Test
  void readsAcrossMemberBoundariesEqualThePlainBytes() throws IOException {
    long seed = 12;
    byte[] plain = TestGzip.plainBytes(seed, 2_500_000);
    TestGzip.Chunked chunked = TestGzip.chunked(plain, BLOCK_SIZE, seed);
    try (ChunkedGzipSource source = ChunkedGzipSource.open(write(chunked.bytes()))) {
      for (long boundary : chunked.plainOffsets()) {
        for (int before : new int[] {0, 1, 7}) {
          for (int length : new int[] {1, 2, 16, BLOCK_SIZE + 3}) {
            long offset = Math.max(0, boundary - before);
            assertReadEquals(source, plain, offset, length, "seed " + seed);
          }
        }
      }
    }
  }

  @Test
  void randomReadsEqualThePlainBytes() throws IOException {
    long seed = 13;
    byte[] plain = TestGzip.plainBytes(seed, 3_000_000);
    TestGzip.Chunked chunked = TestGzip.chunked(plain, BLOCK_SIZE, seed);
    Random random = new Random(seed);
    try (ChunkedGzipSource source = ChunkedGzipSource.open(write(chunked.bytes()))) {
      for (int i = 0; i < 2000; i++) {
        long offset = random.nextInt(plain.length);
        int length = random.nextInt(4) == 0 ? random.nextInt(400_000) : random.nextInt(64);
        assertReadEquals(source, plain, offset, length, "seed " + seed + " read " + i);
      }
    }
  }

  @Test
  void sequentialReadsOfAnySizeReturnEveryByte() throws IOException {
    long seed = 14;
    byte[] plain = TestGzip.plainBytes(seed, 3_000_000);
    TestGzip.Chunked chunked = TestGzip.chunked(plain, BLOCK_SIZE, seed);
    try (ChunkedGzipSource source = ChunkedGzipSource.open(write(chunked.bytes()))) {
      for (int bufferSize : new int[] {4 << 20, 1 << 20, 100_003, 4096, 777}) {
        assertThat(TestGzip.readAll(source, bufferSize))
            .as("seed %d buffer %d", seed, bufferSize)
            .isEqualTo(plain);
      }
    }
  }

  @Test
  void endOfDataGivesShortReadsThenMinusOne() throws IOException {
    byte[] plain = TestGzip.plainBytes(15, 200_000);
    try (ChunkedGzipSource source =
        ChunkedGzipSource.open(write(TestGzip.chunked(plain, BLOCK_SIZE, 15).bytes()))) {
      byte[] target = new byte[10];
      assertThat(source.read(plain.length - 3, target, 2, 8)).isEqualTo(3);
      assertThat(Arrays.copyOfRange(target, 2, 5))
          .isEqualTo(Arrays.copyOfRange(plain, plain.length - 3, plain.length));
      assertThat(source.read(plain.length, target, 0, 10)).isEqualTo(-1);
      assertThat(source.read(plain.length + 100L, target, 0, 10)).isEqualTo(-1);
      assertThat(source.read(5, target, 0, 0)).isZero();
      assertThatThrownBy(() -> source.read(-1, target, 0, 1))
          .isInstanceOf(IllegalArgumentException.class);
      assertThatThrownBy(() -> source.read(0, target, 5, 6))
          .isInstanceOf(IndexOutOfBoundsException.class);
    }
  }

  @Test
  void concurrentReadersSeeThePlainBytes() throws Exception {
    long seed = 16;
    byte[] plain = TestGzip.plainBytes(seed, 2_000_000);
    ExecutorService executor = Executors.newFixedThreadPool(4);
    try (ChunkedGzipSource source =
        ChunkedGzipSource.open(write(TestGzip.chunked(plain, BLOCK_SIZE, seed).bytes()))) {
      List<Future<Void>> readers = new ArrayList<>();
      for (int thread = 0; thread < 4; thread++) {
        long threadSeed = seed * 100 + thread;
        readers.add(
            executor.submit(
                () -> {
                  Random random = new Random(threadSeed);
                  for (int i = 0; i < 200; i++) {
                    long offset = random.nextInt(plain.length);
                    int length = random.nextInt(3 * BLOCK_SIZE);
                    assertReadEquals(
                        source, plain, offset, length, "seed " + threadSeed + " read " + i);
                  }
                  return null;
                }));
      }
      for (Future<Void> reader : readers) {
        reader.get(50, TimeUnit.SECONDS);
      }
    } finally {
      executor.shutdownNow();
    }
  }

  @Test
  void savedIndexReopensWithoutRescanningAndReadsTheSame() throws IOException {
    long seed = 17;
    byte[] plain = TestGzip.plainBytes(seed, 1_500_000);
    Path file = write(TestGzip.chunked(plain, BLOCK_SIZE, seed).bytes());
    ChunkedGzipIndex index;
    try (ChunkedGzipSource source = ChunkedGzipSource.open(file)) {
      index = source.index();
    }
    java.io.ByteArrayOutputStream saved = new java.io.ByteArrayOutputStream();
    index.writeTo(new java.io.DataOutputStream(saved));
    ChunkedGzipIndex reloaded =
        ChunkedGzipIndex.readFrom(
            new java.io.DataInputStream(new java.io.ByteArrayInputStream(saved.toByteArray())));
    assertThat(reloaded).isEqualTo(index);
    try (ChunkedGzipSource source = ChunkedGzipSource.open(file, reloaded)) {
      assertThat(source.index()).isEqualTo(index);
      assertThat(TestGzip.readAll(source, 300_001)).as("seed %d", seed).isEqualTo(plain);
    }
  }

  @Test
  void savedIndexOfAnotherFileIsRefused() throws IOException {
    Path first = write(TestGzip.chunked(TestGzip.plainBytes(18, 500_000), BLOCK_SIZE, 18).bytes());
    Path second = write(TestGzip.chunked(TestGzip.plainBytes(19, 600_000), BLOCK_SIZE, 19).bytes());
    ChunkedGzipIndex firstIndex;
    try (ChunkedGzipSource source = ChunkedGzipSource.open(first)) {
      firstIndex = source.index();
    }
    assertThatThrownBy(() -> ChunkedGzipSource.open(second, firstIndex))
        .isInstanceOf(IOException.class)
        .hasMessageContaining(second.toString())
        .hasMessageContaining("changed");
  }

  @Test
  void readsFilesFromTheTestKitWriter() throws IOException {
    long seed = 20;
    byte[] plain = TestGzip.plainBytes(seed, 700_000);
    try (ChunkedGzipSource source =
        ChunkedGzipSource.open(write(GzipFormats.chunked(plain, 100_000)))) {
      assertThat(source.index().memberCount()).isEqualTo(7);
      assertThat(TestGzip.readAll(source, 65_536)).as("seed %d", seed).isEqualTo(plain);
    }
  }

  @Test
  void emptyDumpHasLengthZero() throws IOException {
    try (ChunkedGzipSource source =
        ChunkedGzipSource.open(write(GzipFormats.chunked(new byte[0], 1024)))) {
      assertThat(source.length()).isZero();
      assertThat(source.index().memberCount()).isZero();
      assertThat(source.read(0, new byte[4], 0, 4)).isEqualTo(-1);
    }
  }

  @Test
  void readsAfterCloseFail() throws IOException {
    ChunkedGzipSource source =
        ChunkedGzipSource.open(
            write(TestGzip.chunked(TestGzip.plainBytes(21, 100_000), BLOCK_SIZE, 21).bytes()));
    source.close();
    assertThatThrownBy(() -> source.read(0, new byte[4], 0, 4))
        .isInstanceOf(ClosedChannelException.class);
  }

  static void assertReadEquals(
      DumpSource source, byte[] plain, long offset, int length, String context) throws IOException {
    byte[] target = new byte[length + 2];
    int read = source.read(offset, target, 1, length);
    int expected = (int) Math.min(length, plain.length - offset);
    assertThat(read).as("%s: bytes read at %d", context, offset).isEqualTo(expected);
    assertThat(Arrays.copyOfRange(target, 1, 1 + read))
        .as("%s: %d bytes at %d", context, length, offset)
        .isEqualTo(Arrays.copyOfRange(plain, (int) offset, (int) offset + read));
    assertThat(target[0]).as("%s: byte before the target range", context).isZero();
    assertThat(target[target.length - 1]).as("%s: byte after the target range", context).isZero();
  }
}
