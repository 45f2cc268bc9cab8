package org.hpq.hprof;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assumptions.assumeThat;

import java.io.RandomAccessFile;
import java.nio.channels.FileChannel;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.nio.file.attribute.FileTime;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.Arrays;
import java.util.stream.Stream;
import org.hpq.hprof.internal.IndexFiles;
import org.hpq.testkit.FieldType;
import org.hpq.testkit.HprofWriter;
import org.hpq.testkit.JdkClasses;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/** The on-disk index: reuse, staleness, damage, leftovers, and where it goes. */
class IndexStoreTest {
  @TempDir Path folder;
  Path dump;
  OpenOptions options;
  long item;

  @BeforeEach
  void writeDump() throws Exception {
    HprofWriter writer = HprofWriter.create();
    JdkClasses jdk = writer.writeMinimalJdkClasses();
    long holder = writer.defineClass("com.example.Holder").superclass(jdk.objectClass()).field("next", FieldType.OBJECT).write();
    long previous = 0;
    for (int i = 0; i < 200; i++) {
      previous = writer.instance(holder).set("next", previous).write();
    }
    item = previous;
    writer.rootJniGlobal(item, 1);
    dump = Dumps.write(folder.resolve("dumps"), writer.toBytes());
    options = Dumps.options(folder, Strictness.STRICT);
  }

  static Stream<String> indexFiles() {
    return IndexFiles.REQUIRED.stream();
  }

  /** Opens the dump, checks it reads right, and returns its index note. */
  private String openAndCheck() throws Exception {
    try (HeapDump heap = HeapDump.open(dump, options)) {
      assertThat(heap.objectCount()).isGreaterThan(200);
      assertThat(heap.isReachable(heap.indexOf(item))).isTrue();
      assertThat(heap.indexDirectory().getParent()).isEqualTo(folder.resolve("index"));
      return heap.indexNote();
    }
  }

  private Path indexDirectory() throws Exception {
    try (HeapDump heap = HeapDump.open(dump, options)) {
      return heap.indexDirectory();
    }
  }

  @Test
  void reopeningReusesTheIndex() throws Exception {
    assertThat(openAndCheck()).isNull();
    Path directory = indexDirectory();
    Path marker = Files.createFile(directory.resolve("marker"));
    FileTime built = Files.getLastModifiedTime(directory.resolve(IndexFiles.META));
    assertThat(openAndCheck()).isNull();
    assertThat(marker).exists();
    assertThat(Files.getLastModifiedTime(directory.resolve(IndexFiles.META))).isEqualTo(built);
  }

  @Test
  void indexingLeavesTheDumpAlone() throws Exception {
    byte[] before = Files.readAllBytes(dump);
    FileTime modified = FileTime.fromMillis(1_600_000_000_000L);
    Files.setLastModifiedTime(dump, modified);
    openAndCheck();
    assertThat(Files.readAllBytes(dump)).isEqualTo(before);
    assertThat(Files.getLastModifiedTime(dump)).isEqualTo(modified);
    try (Stream<Path> files = Files.list(dump.getParent())) {
      assertThat(files).containsExactly(dump);
    }
  }

  @Test
  void aLongerDumpIsRebuilt() throws Exception {
    openAndCheck();
    Files.write(dump, HprofWriter.create().recordBytes(0x55, new byte[3]), StandardOpenOption.APPEND);
    assertThat(openAndCheck()).contains("index rebuilt", "dump.size");
    assertThat(openAndCheck()).isNull();
  }

  @Test
  void aTouchedDumpIsRebuilt() throws Exception {
    openAndCheck();
    Files.setLastModifiedTime(dump, FileTime.fromMillis(Files.getLastModifiedTime(dump).toMillis() + 5000));
    assertThat(openAndCheck()).contains("dump.mtime");
  }

  @Test
  void aDumpChangedInPlaceIsRebuilt() throws Exception {
    openAndCheck();
    FileTime modified = Files.getLastModifiedTime(dump);
    byte[] bytes = Files.readAllBytes(dump);
    bytes[TopLevelRecords.headerLength(bytes) - 1] ^= 0x01; // the header's timestamp: same size
    Files.write(dump, bytes);
    Files.setLastModifiedTime(dump, modified);
    assertThat(openAndCheck()).contains("dump.fingerprint");
  }

  @ParameterizedTest
  @MethodSource("indexFiles")
  void aFlippedByteInAnyIndexFileIsDetected(String name) throws Exception {
    openAndCheck();
    Path file = indexDirectory().resolve(name);
    long size = Files.size(file);
    assumeThat(size).as("empty file").isPositive();
    try (RandomAccessFile access = new RandomAccessFile(file.toFile(), "rw")) {
      long position = size / 2;
      access.seek(position);
      int value = access.read();
      access.seek(position);
      access.write(value ^ 0x40);
    }
    assertThat(openAndCheck()).contains("index rebuilt", name);
  }

  @ParameterizedTest
  @MethodSource("indexFiles")
  void aTruncatedIndexFileIsDetected(String name) throws Exception {
    openAndCheck();
    Path file = indexDirectory().resolve(name);
    assumeThat(Files.size(file)).isPositive();
    try (FileChannel channel = FileChannel.open(file, StandardOpenOption.WRITE)) {
      channel.truncate(Files.size(file) - 1);
    }
    assertThat(openAndCheck()).contains("index rebuilt", name);
  }

  @ParameterizedTest
  @MethodSource("indexFiles")
  void aMissingIndexFileIsDetected(String name) throws Exception {
    openAndCheck();
    Files.delete(indexDirectory().resolve(name));
    assertThat(openAndCheck()).contains("index rebuilt", name);
  }

  @Test
  void anIndexWithoutPropertiesIsNeverTrusted() throws Exception {
    openAndCheck();
    Files.delete(indexDirectory().resolve(IndexFiles.PROPERTIES));
    assertThat(openAndCheck()).contains("index rebuilt", "no index");
  }

  @Test
  void propertiesWithoutAChecksumAreNotTrusted() throws Exception {
    openAndCheck();
    Path properties = indexDirectory().resolve(IndexFiles.PROPERTIES);
    String text = Files.readString(properties);
    Files.writeString(properties, Arrays.stream(text.split("\n")).filter(line -> !line.startsWith("file.ids.bin.crc32c")).reduce("", (a, b) -> a + b + "\n"));
    assertThat(openAndCheck()).contains("ids.bin");
  }

  @Test
  void aLeftoverTemporaryDirectoryIsIgnoredAndRemoved() throws Exception {
    Path index = folder.resolve("index");
    Files.createDirectories(index);
    Path leftover = Files.createDirectory(index.resolve(dump.getFileName() + ".hpqidx.tmp-12345"));
    Files.writeString(leftover.resolve(IndexFiles.PROPERTIES), "format=hpq-index-1\n");
    Files.write(leftover.resolve(IndexFiles.IDS), new byte[64]);
    assertThat(openAndCheck()).isNull();
    assertThat(leftover).doesNotExist();
    try (Stream<Path> files = Files.list(index)) {
      assertThat(files.map(path -> path.getFileName().toString())).noneMatch(name -> name.contains(".tmp-"));
    }
  }

  @Test
  void otherOptionsGetTheirOwnOrARebuiltIndex() throws Exception {
    openAndCheck();
    options = options.withSizeModel(SizeModel.UNCOMPRESSED);
    assertThat(openAndCheck()).contains("option.sizeModel");
  }

  @Test
  void theIndexGoesBesideTheDumpByDefault() throws Exception {
    OpenOptions beside = OpenOptions.defaults().withCacheDirectory(folder.resolve("cache")).withStrictness(Strictness.STRICT);
    try (HeapDump heap = HeapDump.open(dump, beside)) {
      assertThat(heap.indexDirectory()).isEqualTo(dump.resolveSibling(dump.getFileName() + ".hpqidx"));
    }
  }

  @Test
  void anUnwritableDumpFolderFallsBackToTheCache() throws Exception {
    Path dumps = dump.getParent();
    Files.setPosixFilePermissions(dumps, PosixFilePermissions.fromString("r-xr-xr-x"));
    try {
      assumeThat(Files.isWritable(dumps)).as("running as root: folders are always writable").isFalse();
      OpenOptions cached = OpenOptions.defaults().withCacheDirectory(folder.resolve("cache"));
      try (HeapDump heap = HeapDump.open(dump, cached)) {
        assertThat(heap.indexDirectory().getParent()).isEqualTo(folder.resolve("cache"));
      }
    } finally {
      Files.setPosixFilePermissions(dumps, PosixFilePermissions.fromString("rwxr-xr-x"));
    }
  }

  @Test
  void aFolderThatFailsOnWriteFallsBackToTheCache() throws Exception {
    // Stands in for a read-only mount (which even root cannot write): the lock file beside the
    // dump cannot be created because a directory has its name.
    Files.createDirectories(dump.resolveSibling(dump.getFileName() + ".hpqidx.lock"));
    OpenOptions cached = OpenOptions.defaults().withCacheDirectory(folder.resolve("cache"));
    try (HeapDump heap = HeapDump.open(dump, cached)) {
      assertThat(heap.indexDirectory().getParent()).isEqualTo(folder.resolve("cache"));
      assertThat(heap.objectCount()).isGreaterThan(200);
    }
    try (HeapDump heap = HeapDump.open(dump, cached)) {
      assertThat(heap.indexNote()).isNull();
    }
  }
}
