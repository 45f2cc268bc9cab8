package org.hpq.hprof.io;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InterruptedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import java.util.zip.Deflater;
import org.hpq.hprof.io.internal.GzipHeader;
import org.hpq.hprof.io.internal.MemberInflater;
import org.hpq.hprof.io.internal.MemberScanner;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;

/** The parallel member scan finds exactly the members the sequential one finds. */
@Timeout(60)
class MemberScannerTest {
  private static final int BLOCK_SIZE = 16 << 10;
  private static final long SEED = 41;

  @TempDir Path directory;

  @Test
  void parallelScanAgreesWithSequentialEvenWhenFakeMembersAreStoredInTheData() throws IOException {
    // Each block holds a complete small gzip member in its middle; stored (level 0), it appears
    // verbatim in the file, so a part's guessed start can land on a fake member.
    Random random = new Random(SEED);
    ByteArrayOutputStream plainBytes = new ByteArrayOutputStream();
    ByteArrayOutputStream file = new ByteArrayOutputStream();
    List<Long> memberOffsets = new ArrayList<>();
    for (int block = 0; block < 40; block++) {
      byte[] noise = new byte[BLOCK_SIZE];
      random.nextBytes(noise);
      byte[] fake = TestGzip.gzipOutputStreamMember(noise, 0, 3000);
      System.arraycopy(fake, 0, noise, BLOCK_SIZE / 2, fake.length);
      memberOffsets.add((long) file.size());
      String comment = block == 0 ? "HPROF BLOCKSIZE=" + BLOCK_SIZE : null;
      file.writeBytes(
          TestGzip.handWrittenMember(noise, 0, BLOCK_SIZE, comment, Deflater.NO_COMPRESSION));
      plainBytes.writeBytes(noise);
    }
    Path path = Files.write(directory.resolve("fake.hprof.gz"), file.toByteArray());
    try (FileDumpSource compressed = FileDumpSource.open(path)) {
      assertThat(fakeMemberStarts(compressed, path, memberOffsets))
          .as("seed %d: fake members visible in the file", SEED)
          .isGreaterThanOrEqualTo(40);
      ChunkedGzipIndex sequential = MemberScanner.scan(compressed, path, 1, done -> {});
      assertThat(sequential.memberOffsets())
          .containsExactly(memberOffsets.stream().mapToLong(Long::longValue).toArray());
      for (int parallelism = 2; parallelism <= 9; parallelism++) {
        ChunkedGzipIndex parallel =
            MemberScanner.scan(compressed, path, parallelism, 4 << 10, done -> {});
        assertThat(parallel).as("seed %d parallelism %d", SEED, parallelism).isEqualTo(sequential);
      }
    }
    try (ChunkedGzipSource source = ChunkedGzipSource.open(path)) {
      assertThat(TestGzip.readAll(source, 1 << 20)).isEqualTo(plainBytes.toByteArray());
    }
  }

  /** Counts offsets that are not members yet hold a whole valid gzip member. */
  private static int fakeMemberStarts(FileDumpSource compressed, Path path, List<Long> real)
      throws IOException {
    byte[] bytes = Files.readAllBytes(path);
    int count = 0;
    try (MemberInflater inflater = new MemberInflater(compressed, path, 1 << 16)) {
      for (int i = 0; i + 4 < bytes.length; i++) {
        if (!real.contains((long) i) && GzipHeader.looksLikeStart(bytes, i, bytes.length - i)) {
          try {
            inflater.inflate(i, bytes.length, new byte[BLOCK_SIZE], 0, BLOCK_SIZE, null);
            count++;
          } catch (CorruptGzipException e) {
            // Not a whole member.
          }
        }
      }
    }
    return count;
  }

  @Test
  void progressRisesToTheCompressedLength() throws IOException {
    byte[] plain = TestGzip.plainBytes(SEED, 600_000);
    Path path =
        Files.write(
            directory.resolve("p.hprof.gz"), TestGzip.chunked(plain, BLOCK_SIZE, SEED).bytes());
    for (int parallelism : new int[] {1, 3}) {
      List<Long> reports = new ArrayList<>();
      try (FileDumpSource compressed = FileDumpSource.open(path)) {
        MemberScanner.scan(compressed, path, parallelism, 8 << 10, reports::add);
        assertThat(reports).as("parallelism %d", parallelism).isSorted().isNotEmpty();
        assertThat(reports.get(reports.size() - 1)).isEqualTo(compressed.length());
        assertThat(reports.size()).isLessThanOrEqualTo(300);
      }
    }
  }

  @Test
  void interruptionStopsTheScan() throws IOException {
    byte[] plain = TestGzip.plainBytes(SEED, 300_000);
    Path path =
        Files.write(
            directory.resolve("i.hprof.gz"), TestGzip.chunked(plain, BLOCK_SIZE, SEED).bytes());
    try (FileDumpSource compressed = FileDumpSource.open(path)) {
      for (int parallelism : new int[] {1, 3}) {
        Thread.currentThread().interrupt();
        try {
          assertThatThrownBy(
                  () -> MemberScanner.scan(compressed, path, parallelism, 8 << 10, done -> {}))
              .as("parallelism %d", parallelism)
              .isInstanceOf(InterruptedIOException.class)
              .hasMessageContaining(path.toString());
        } finally {
          Thread.interrupted();
        }
      }
    }
  }
}
