package org.hpq.hprof.io;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.nio.channels.ClosedChannelException;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.nio.file.attribute.FileTime;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;

@Timeout(60)
class FileDumpSourceTest {
  /** 4 KiB mapping segments, so small files cross many segment boundaries. */
  private static final int SMALL_SEGMENTS = 12;

  @TempDir Path directory;

  private FileDumpSource openWithSmallSegments(Path path) throws IOException {
    return FileDumpSource.open(path, path.toString(), DumpFormat.HPROF, SMALL_SEGMENTS);
  }

  @Test
  void readsAcrossSegmentBoundariesEqualTheFile() throws IOException {
    long seed = 51;
    byte[] bytes = TestGzip.plainBytes(seed, 300_001);
    Path path = Files.write(directory.resolve("a.hprof"), bytes);
    Random random = new Random(seed);
    try (FileDumpSource source = openWithSmallSegments(path)) {
      assertThat(source.length()).isEqualTo(bytes.length);
      for (long boundary = 4096; boundary < bytes.length; boundary += 4096) {
        ChunkedGzipSourceTest.assertReadEquals(
            source, bytes, boundary - 3, 9, "boundary " + boundary);
      }
      for (int i = 0; i < 1000; i++) {
        long offset = random.nextInt(bytes.length);
        int length = random.nextInt(20_000);
        ChunkedGzipSourceTest.assertReadEquals(source, bytes, offset, length, "seed " + seed);
      }
      assertThat(TestGzip.readAll(source, 65_537)).isEqualTo(bytes);
    }
    try (FileDumpSource source = FileDumpSource.open(path)) {
      assertThat(TestGzip.readAll(source, 4 << 20)).isEqualTo(bytes);
      assertThat(source.name()).isEqualTo(path.toString());
      assertThat(source.format()).isEqualTo(DumpFormat.HPROF);
    }
  }

  @Test
  void endOfDataAndArgumentChecks() throws IOException {
    byte[] bytes = TestGzip.plainBytes(52, 10_000);
    Path path = Files.write(directory.resolve("b.hprof"), bytes);
    try (FileDumpSource source = openWithSmallSegments(path)) {
      byte[] target = new byte[8];
      assertThat(source.read(bytes.length - 2, target, 0, 8)).isEqualTo(2);
      assertThat(source.read(bytes.length, target, 0, 8)).isEqualTo(-1);
      assertThat(source.read(0, target, 0, 0)).isZero();
      assertThatThrownBy(() -> source.read(-3, target, 0, 1))
          .isInstanceOf(IllegalArgumentException.class);
      assertThatThrownBy(() -> source.read(0, target, -1, 2))
          .isInstanceOf(IndexOutOfBoundsException.class);
    }
  }

  @Test
  void emptyFileHasNoBytes() throws IOException {
    Path path = Files.write(directory.resolve("empty.hprof"), new byte[0]);
    try (FileDumpSource source = FileDumpSource.open(path)) {
      assertThat(source.length()).isZero();
      assertThat(source.read(0, new byte[1], 0, 1)).isEqualTo(-1);
    }
  }

  @Test
  void readOnlyFileIsOpenedAndLeftUnchanged() throws IOException {
    byte[] bytes = TestGzip.plainBytes(53, 50_000);
    Path path = Files.write(directory.resolve("ro.hprof"), bytes);
    FileTime modified = FileTime.fromMillis(1_000_000_000_000L);
    Files.setLastModifiedTime(path, modified);
    assertThat(path.toFile().setWritable(false)).isTrue();
    try (FileDumpSource source = FileDumpSource.open(path)) {
      assertThat(TestGzip.readAll(source, 7000)).isEqualTo(bytes);
    }
    assertThat(Files.readAllBytes(path)).isEqualTo(bytes);
    assertThat(Files.getLastModifiedTime(path)).isEqualTo(modified);
  }

  @Test
  void missingFileIsReported() {
    Path missing = directory.resolve("missing.hprof");
    assertThatThrownBy(() -> FileDumpSource.open(missing))
        .isInstanceOf(NoSuchFileException.class)
        .hasMessageContaining(missing.toString());
  }

  @Test
  void readsAfterCloseFail() throws IOException {
    Path path = Files.write(directory.resolve("c.hprof"), new byte[100]);
    FileDumpSource source = FileDumpSource.open(path);
    source.close();
    assertThatThrownBy(() -> source.read(0, new byte[4], 0, 4))
        .isInstanceOf(ClosedChannelException.class);
  }

  @Test
  void concurrentReadersSeeTheFile() throws Exception {
    long seed = 54;
    byte[] bytes = TestGzip.plainBytes(seed, 200_000);
    Path path = Files.write(directory.resolve("d.hprof"), bytes);
    ExecutorService executor = Executors.newFixedThreadPool(4);
    try (FileDumpSource source = openWithSmallSegments(path)) {
      List<Future<Void>> readers = new ArrayList<>();
      for (int thread = 0; thread < 4; thread++) {
        long threadSeed = seed * 100 + thread;
        readers.add(
            executor.submit(
                () -> {
                  Random random = new Random(threadSeed);
                  for (int i = 0; i < 2000; i++) {
                    long offset = random.nextInt(bytes.length);
                    ChunkedGzipSourceTest.assertReadEquals(
                        source, bytes, offset, random.nextInt(10_000), "seed " + threadSeed);
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
  void byteArraySourceBehavesTheSame() throws IOException {
    byte[] bytes = TestGzip.plainBytes(55, 5000);
    try (ByteArrayDumpSource source = ByteArrayDumpSource.of(bytes, "memory")) {
      assertThat(TestGzip.readAll(source, 333)).isEqualTo(bytes);
      assertThat(source.read(5000, new byte[1], 0, 1)).isEqualTo(-1);
      assertThat(source.name()).isEqualTo("memory");
    }
  }
}
