package org.hpq.hprof.io;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;

@Timeout(60)
class DumpSourcesTest {
  private static final long SEED = 71;

  @TempDir Path directory;

  /** Plain bytes that start like an HPROF dump. */
  private final byte[] plain = hprofLike(TestGzip.plainBytes(SEED, 400_000));

  private static byte[] hprofLike(byte[] bytes) {
    byte[] header = "JAVA PROFILE 1.0.2\0".getBytes(StandardCharsets.US_ASCII);
    System.arraycopy(header, 0, bytes, 0, header.length);
    return bytes;
  }

  private Path cache() {
    return directory.resolve("cache");
  }

  @Test
  void plainHprofOpensAsAFile() throws IOException {
    Path dump = Files.write(directory.resolve("a.hprof"), plain);
    assertThat(DumpSources.detect(dump)).isEqualTo(DumpFormat.HPROF);
    try (DumpSource source = DumpSources.open(dump, cache())) {
      assertThat(source).isInstanceOf(FileDumpSource.class);
      assertThat(((FileDumpSource) source).format()).isEqualTo(DumpFormat.HPROF);
      assertThat(source.name()).isEqualTo(dump.toString());
      assertThat(TestGzip.readAll(source, 1 << 20)).isEqualTo(plain);
    }
    assertThat(cache()).doesNotExist();
  }

  @Test
  void chunkedGzipOpensWithAMemberIndexSavedInTheCache() throws IOException {
    Path dump =
        Files.write(
            directory.resolve("b.hprof.gz"), TestGzip.chunked(plain, 32 << 10, SEED).bytes());
    assertThat(DumpSources.detect(dump)).isEqualTo(DumpFormat.CHUNKED_GZIP);
    ChunkedGzipIndex index;
    try (DumpSource source = DumpSources.open(dump, cache())) {
      assertThat(source).isInstanceOf(ChunkedGzipSource.class);
      assertThat(source.name()).isEqualTo(dump.toString());
      assertThat(TestGzip.readAll(source, 1 << 20)).as("seed %d", SEED).isEqualTo(plain);
      index = ((ChunkedGzipSource) source).index();
    }
    List<Path> saved = cacheFiles();
    assertThat(saved).hasSize(1);
    try (var input = new java.io.DataInputStream(Files.newInputStream(saved.get(0)))) {
      assertThat(ChunkedGzipIndex.readFrom(input)).isEqualTo(index);
    }
    // A damaged saved index is only a cache miss.
    Files.write(saved.get(0), new byte[] {1, 2, 3});
    try (DumpSource source = DumpSources.open(dump, cache())) {
      assertThat(TestGzip.readAll(source, 1 << 20)).isEqualTo(plain);
    }
    try (var input = new java.io.DataInputStream(Files.newInputStream(saved.get(0)))) {
      assertThat(ChunkedGzipIndex.readFrom(input)).isEqualTo(index);
    }
    try (DumpSource source = DumpSources.open(dump, cache())) {
      assertThat(((ChunkedGzipSource) source).index()).isEqualTo(index);
    }
  }

  @Test
  void plainGzipOpensThroughAnInflatedCopy() throws IOException {
    Path dump =
        Files.write(
            directory.resolve("c.hprof.gz"),
            TestGzip.gzipOutputStreamMember(plain, 0, plain.length));
    assertThat(DumpSources.detect(dump)).isEqualTo(DumpFormat.GZIP);
    try (DumpSource source = DumpSources.open(dump, cache())) {
      assertThat(((FileDumpSource) source).format()).isEqualTo(DumpFormat.GZIP);
      assertThat(source.name()).isEqualTo(dump.toString());
      assertThat(TestGzip.readAll(source, 1 << 20)).isEqualTo(plain);
    }
  }

  @Test
  void unknownFormatNamesTheFileAndShowsItsFirstBytes() throws IOException {
    Path zip = Files.write(directory.resolve("d.zip"), new byte[] {'P', 'K', 3, 4, 20, 0});
    assertThatThrownBy(() -> DumpSources.open(zip, cache()))
        .isInstanceOf(UnknownDumpFormatException.class)
        .hasMessageContaining(zip.toString())
        .hasMessageContaining("50 4b 03 04")
        .hasMessageContaining("\"PK..");
  }

  @Test
  void gzipOfSomethingElseIsAnUnknownFormat() throws IOException {
    byte[] text = "hello, not a heap dump".getBytes(StandardCharsets.US_ASCII);
    Path dump =
        Files.write(
            directory.resolve("e.txt.gz"), TestGzip.gzipOutputStreamMember(text, 0, text.length));
    assertThatThrownBy(() -> DumpSources.detect(dump))
        .isInstanceOf(UnknownDumpFormatException.class)
        .hasMessageContaining(dump.toString())
        .hasMessageContaining("gzip file whose content starts with")
        .hasMessageContaining("hello");
  }

  @Test
  void malformedGzipHeaderIsCorruptGzip() throws IOException {
    Path dump = Files.write(directory.resolve("f.gz"), new byte[] {0x1f, (byte) 0x8b, 7, 0, 0});
    assertThatThrownBy(() -> DumpSources.detect(dump))
        .isInstanceOf(CorruptGzipException.class)
        .hasMessageContaining(dump.toString())
        .hasMessageContaining("compression method 7");
  }

  @Test
  void emptyMissingAndDirectoryAreReported() throws IOException {
    Path empty = Files.write(directory.resolve("empty.hprof"), new byte[0]);
    assertThatThrownBy(() -> DumpSources.open(empty, cache()))
        .isInstanceOf(UnknownDumpFormatException.class)
        .hasMessageContaining(empty.toString())
        .hasMessageContaining("empty");
    Path missing = directory.resolve("missing.hprof");
    assertThatThrownBy(() -> DumpSources.open(missing, cache()))
        .isInstanceOf(NoSuchFileException.class)
        .hasMessageContaining(missing.toString())
        .hasMessageContaining("no such heap dump file");
    assertThatThrownBy(() -> DumpSources.open(directory, cache()))
        .isInstanceOf(IOException.class)
        .hasMessageContaining(directory.toString())
        .hasMessageContaining("directory");
  }

  private List<Path> cacheFiles() throws IOException {
    try (Stream<Path> files = Files.list(cache())) {
      return files.toList();
    }
  }
}
