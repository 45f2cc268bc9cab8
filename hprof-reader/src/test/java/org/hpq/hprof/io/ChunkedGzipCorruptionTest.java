package org.hpq.hprof.io;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.Random;
import java.util.zip.Deflater;
import org.hpq.hprof.io.internal.MemberScanner;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/** Every kind of bad chunked gzip input gives an IOException naming the file and bad member. */
@Timeout(60)
class ChunkedGzipCorruptionTest {
  private static final int BLOCK_SIZE = 32 << 10;
  private static final long SEED = 31;

  @TempDir Path directory;

  private final byte[] plain = TestGzip.plainBytes(SEED, 400_000);
  private final TestGzip.Chunked chunked = TestGzip.chunked(plain, BLOCK_SIZE, SEED);

  private Path write(byte[] bytes) throws IOException {
    return Files.write(Files.createTempFile(directory, "bad", ".hprof.gz"), bytes);
  }

  /** Opens {@code bytes} (scanning with the given parallelism) and returns the failure. */
  private CorruptGzipException openFails(byte[] bytes, int parallelism) throws IOException {
    Path file = write(bytes);
    try (FileDumpSource compressed = FileDumpSource.open(file)) {
      CorruptGzipException failure =
          catchThrowableOfType(
              () -> MemberScanner.scan(compressed, file, parallelism, 16 << 10, done -> {}),
              CorruptGzipException.class);
      assertThat(failure).as("scan with parallelism %d", parallelism).isNotNull();
      assertThat(failure.file()).isEqualTo(file);
      assertThat(failure.getMessage())
          .contains(file.toString())
          .contains("0x" + Long.toHexString(failure.compressedOffset()));
      return failure;
    }
  }

  @ParameterizedTest
  @ValueSource(ints = {1, 3})
  void truncatedInsideHeaderDeflateDataOrTrailer(int parallelism) throws IOException {
    int member = chunked.memberCount() / 2;
    long start = chunked.memberOffsets()[member];
    long end = chunked.memberEnd(member);
    for (long cut : new long[] {start + 5, start + 40, end - 9, end - 3}) {
      CorruptGzipException failure =
          openFails(Arrays.copyOf(chunked.bytes(), (int) cut), parallelism);
      assertThat(failure.compressedOffset()).as("cut at %d", cut).isEqualTo(start);
      assertThat(failure.getMessage()).as("cut at %d", cut).contains("truncated");
    }
  }

  @ParameterizedTest
  @ValueSource(ints = {1, 3})
  void wrongCrc32IsDetected(int parallelism) throws IOException {
    int member = chunked.memberCount() - 2;
    byte[] bytes = chunked.bytes().clone();
    bytes[(int) chunked.memberEnd(member) - 8] ^= 0x01;
    CorruptGzipException failure = openFails(bytes, parallelism);
    assertThat(failure.compressedOffset()).isEqualTo(chunked.memberOffsets()[member]);
    assertThat(failure.getMessage()).contains("CRC32 mismatch");
  }

  @ParameterizedTest
  @ValueSource(ints = {1, 3})
  void corruptedDeflateDataIsDetected(int parallelism) throws IOException {
    Random random = new Random(SEED);
    for (int trial = 0; trial < 20; trial++) {
      int member = random.nextInt(chunked.memberCount());
      long start = chunked.memberOffsets()[member];
      long end = chunked.memberEnd(member);
      // Past the header (at most 40 bytes with the comment), before the trailer.
      int at = (int) (start + 40 + random.nextInt((int) (end - 8 - start - 40)));
      byte[] bytes = chunked.bytes().clone();
      bytes[at] ^= (byte) (1 << random.nextInt(8));
      CorruptGzipException failure = openFails(bytes, parallelism);
      assertThat(failure.compressedOffset())
          .as("seed %d trial %d: flipped a bit at %d in member %d", SEED, trial, at, member)
          .isEqualTo(start);
    }
  }

  @Test
  void isizeDisagreeingWithTheDataIsDetected() throws IOException {
    int member = 1;
    byte[] bytes = chunked.bytes().clone();
    bytes[(int) chunked.memberEnd(member) - 4] ^= 0x10;
    CorruptGzipException failure = openFails(bytes, 1);
    assertThat(failure.compressedOffset()).isEqualTo(chunked.memberOffsets()[member]);
    assertThat(failure.getMessage()).contains("ISIZE mismatch");
  }

  @ParameterizedTest
  @ValueSource(ints = {1, 3})
  void garbageAfterTheLastMemberIsDetected(int parallelism) throws IOException {
    byte[] bytes = Arrays.copyOf(chunked.bytes(), chunked.bytes().length + 9);
    System.arraycopy("garbage!!".getBytes(), 0, bytes, chunked.bytes().length, 9);
    CorruptGzipException failure = openFails(bytes, parallelism);
    assertThat(failure.compressedOffset()).isEqualTo(chunked.bytes().length);
    assertThat(failure.getMessage()).contains("no gzip header").contains("67 61 72 62");
  }

  @ParameterizedTest
  @ValueSource(
      strings = {
        "HPROF BLOCKSIZE=999999999999", "HPROF BLOCKSIZE=67108865", "HPROF BLOCKSIZE=0",
        "HPROF BLOCKSIZE=-5", "HPROF BLOCKSIZE=lots", "HPROF BLOCKSIZE="
      })
  void unusableBlockSizeInTheCommentIsRefused(String comment) throws IOException {
    byte[] bytes = TestGzip.chunked(plain, BLOCK_SIZE, SEED, comment, Deflater.BEST_SPEED).bytes();
    CorruptGzipException failure = openFails(bytes, 1);
    assertThat(failure.compressedOffset()).isZero();
    assertThat(failure.getMessage()).contains("unusable block size");
  }

  @Test
  void memberLargerThanTheBlockSizeIsRefused() throws IOException {
    byte[] bytes =
        TestGzip.chunked(plain, BLOCK_SIZE, SEED, "HPROF BLOCKSIZE=1000", Deflater.BEST_SPEED)
            .bytes();
    CorruptGzipException failure = openFails(bytes, 1);
    assertThat(failure.compressedOffset()).isZero();
    assertThat(failure.getMessage()).contains("more than 1000 bytes");
  }

  @Test
  void gzipWithoutTheChunkedCommentIsRefused() throws IOException {
    byte[] bytes = TestGzip.gzipOutputStreamMember(plain, 0, plain.length);
    CorruptGzipException failure = openFails(bytes, 1);
    assertThat(failure.getMessage()).contains("not the JDK's chunked format");
  }

  @Test
  void emptyFileIsRefused() throws IOException {
    assertThat(openFails(new byte[0], 1).getMessage()).contains("truncated");
  }

  @Test
  void memberCorruptedAfterIndexingFailsOnlyTheReadsThatNeedIt() throws IOException {
    Path file = write(chunked.bytes());
    ChunkedGzipIndex index;
    try (ChunkedGzipSource source = ChunkedGzipSource.open(file)) {
      index = source.index();
    }
    int member = 3;
    byte[] bytes = chunked.bytes().clone();
    bytes[(int) chunked.memberEnd(member) - 7] ^= 0x40; // in the CRC32
    Files.write(file, bytes);
    try (ChunkedGzipSource source = ChunkedGzipSource.open(file, index)) {
      long plainStart = chunked.plainOffsets()[member];
      ChunkedGzipSourceTest.assertReadEquals(source, plain, 0, (int) plainStart, "seed " + SEED);
      assertThatThrownBy(() -> source.read(plainStart + 10, new byte[4], 0, 4))
          .isInstanceOf(CorruptGzipException.class)
          .hasMessageContaining(file.toString())
          .hasMessageContaining("0x" + Long.toHexString(chunked.memberOffsets()[member]))
          .hasMessageContaining("CRC32 mismatch");
      assertThatThrownBy(() -> TestGzip.readAll(source, 1 << 20))
          .isInstanceOf(CorruptGzipException.class);
    }
  }

  /** Random damage never hangs or escapes as anything but an IOException. */
  @Test
  void randomDamageGivesAnIOExceptionOrTheRightBytes() throws IOException {
    byte[] small = TestGzip.plainBytes(SEED + 1, 60_000);
    byte[] good = TestGzip.chunked(small, 8 << 10, SEED + 1).bytes();
    Random random = new Random(SEED);
    for (int trial = 0; trial < 150; trial++) {
      byte[] bytes = good.clone();
      String damage;
      if (random.nextInt(4) == 0) {
        int length = random.nextInt(good.length);
        bytes = Arrays.copyOf(good, length);
        damage = "cut to " + length + " bytes";
      } else {
        int at = random.nextInt(good.length);
        bytes[at] = (byte) random.nextInt(256);
        damage = "byte " + at + " set to " + bytes[at];
      }
      Path file = write(bytes);
      try (ChunkedGzipSource source = ChunkedGzipSource.open(file)) {
        // Undetectable damage (header mtime or OS byte, a cut between members) reads back a prefix.
        byte[] read = TestGzip.readAll(source, 10_000);
        assertThat(read)
            .as("seed %d trial %d: %s", SEED, trial, damage)
            .isEqualTo(Arrays.copyOf(small, read.length));
      } catch (IOException expected) {
        assertThat(expected.getMessage())
            .as("seed %d trial %d", SEED, trial)
            .contains(file.toString());
      }
    }
  }
}
