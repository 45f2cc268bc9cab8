package org.hpq.hprof;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assumptions.assumeThat;

import java.io.RandomAccessFile;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.attribute.FileTime;
import java.time.Duration;
import java.time.Instant;
import java.util.stream.Stream;
import org.hpq.hprof.internal.IndexFiles;
import org.hpq.hprof.internal.IndexStore;
import org.hpq.hprof.internal.IndexStore.Check;
import org.hpq.hprof.internal.IndexTrust;
import org.hpq.testkit.FieldType;
import org.hpq.testkit.HprofWriter;
import org.hpq.testkit.JdkClasses;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * Reopening without reading every index file again: which files the verification record vouches
 * for, and every way it stops vouching (a changed file, another boot, a recent change, an edited
 * {@code index.properties}). Reboots are simulated by giving the store another boot id, and time
 * by moving the record's modification time forward.
 */
class VerificationRecordTest {
  private static final IndexTrust BOOT = new IndexTrust("boot-1", Duration.ofSeconds(2));
  private static final IndexTrust NEXT_BOOT = new IndexTrust("boot-2", Duration.ofSeconds(2));

  @TempDir Path folder;
  Path dump;
  OpenOptions options;
  Path index;

  @BeforeEach
  void buildIndex() throws Exception {
    HprofWriter writer = HprofWriter.create();
    JdkClasses jdk = writer.writeMinimalJdkClasses();
    long holder = writer.defineClass("com.example.Holder").superclass(jdk.objectClass()).field("next", FieldType.OBJECT).write();
    long previous = 0;
    for (int i = 0; i < 100; i++) {
      previous = writer.instance(holder).set("next", previous).write();
    }
    writer.rootJniGlobal(previous, 1);
    dump = Dumps.write(folder.resolve("dumps"), writer.toBytes());
    options = Dumps.options(folder, Strictness.STRICT);
    try (HeapDump heap = HeapDump.open(dump, options)) {
      index = heap.indexDirectory();
    }
  }

  static Stream<String> indexFiles() {
    return IndexFiles.DATA.stream();
  }

  private Check check(IndexTrust trust) throws Exception {
    Check check = IndexStore.locate(dump, options).withTrust(trust).check(options);
    assertThat(check.problem()).as("the index must stay usable").isNull();
    return check;
  }

  /** Makes every file look as if it last changed long before the record was written. */
  private void settle() throws Exception {
    Files.setLastModifiedTime(index.resolve(IndexFiles.VERIFIED), FileTime.from(Instant.now().plusSeconds(60)));
    // Later writes must get a later change time even on a clock that ticks coarsely.
    Thread.sleep(20);
  }

  /** A record written by {@code trust}, settled: the next check in that boot reads no file. */
  private void verifiedIn(IndexTrust trust) throws Exception {
    assertThat(check(trust).checksummed()).isNotEmpty();
    settle();
    assertThat(check(trust).checksummed()).isEmpty();
  }

  @Test
  void aSettledRecordSparesEveryChecksum() throws Exception {
    assertThat(check(BOOT).checksummed()).as("the build's record is from the real boot").containsExactlyElementsOf(IndexFiles.DATA);
    assertThat(check(BOOT).checksummed()).as("files changed just before the record are checked again").isNotEmpty();
    settle();
    assertThat(check(BOOT).checksummed()).isEmpty();
  }

  @Test
  void theBuildRecordsItsIndexForThisBoot() throws Exception {
    settle();
    assertThat(check(IndexTrust.system()).checksummed()).isEmpty();
  }

  @ParameterizedTest
  @MethodSource("indexFiles")
  void aByteWrittenAfterTheRecordIsFound(String name) throws Exception {
    verifiedIn(BOOT);
    Path file = index.resolve(name);
    long size = Files.size(file);
    assumeThat(size).as("empty file").isPositive();
    try (RandomAccessFile access = new RandomAccessFile(file.toFile(), "rw")) {
      access.seek(size / 2);
      int value = access.read();
      access.seek(size / 2);
      access.write(value ^ 0x40);
    }
    Check check = IndexStore.locate(dump, options).withTrust(BOOT).check(options);
    assertThat(check.problem()).contains(name, "checksum mismatch");
  }

  @Test
  void aByteWrittenBackUnchangedIsCheckedAgainAndOnlyItsFile() throws Exception {
    verifiedIn(BOOT);
    Path file = index.resolve(IndexFiles.IN_SOURCES);
    try (RandomAccessFile access = new RandomAccessFile(file.toFile(), "rw")) {
      int value = access.read();
      access.seek(0);
      access.write(value);
    }
    assertThat(check(BOOT).checksummed()).containsExactly(IndexFiles.IN_SOURCES);
  }

  @Test
  void aFileReplacedByACopyIsCheckedAgain() throws Exception {
    verifiedIn(BOOT);
    Path file = index.resolve(IndexFiles.OUT_TARGETS);
    Path copy = folder.resolve("copy");
    Files.copy(file, copy, StandardCopyOption.COPY_ATTRIBUTES);
    Files.move(copy, file, StandardCopyOption.REPLACE_EXISTING);
    assertThat(check(BOOT).checksummed()).containsExactly(IndexFiles.OUT_TARGETS);
  }

  @Test
  void aRecordFromAnotherBootVouchesOnlyOnceDurable() throws Exception {
    verifiedIn(BOOT);
    assertThat(check(NEXT_BOOT).checksummed()).as("pages may have been lost before the reboot").containsExactlyElementsOf(IndexFiles.DATA);

    verifiedIn(BOOT);
    assertThat(IndexStore.locate(dump, options).withTrust(BOOT).makeDurable()).isTrue();
    settle();
    assertThat(check(NEXT_BOOT).checksummed()).isEmpty();
    assertThat(IndexStore.locate(dump, options).withTrust(NEXT_BOOT).makeDurable()).as("already durable").isFalse();
  }

  @Test
  void onlyAFullyVouchedRecordIsMadeDurable() throws Exception {
    check(BOOT);
    assertThat(IndexStore.locate(dump, options).withTrust(BOOT).makeDurable()).as("recently changed files").isFalse();
    settle();
    assertThat(IndexStore.locate(dump, options).withTrust(NEXT_BOOT).makeDurable()).as("another boot's record").isFalse();
    assertThat(IndexStore.locate(dump, options).withTrust(BOOT).makeDurable()).isTrue();
  }

  @Test
  void anEditedIndexPropertiesVoidsTheRecord() throws Exception {
    verifiedIn(BOOT);
    Path properties = index.resolve(IndexFiles.PROPERTIES);
    Files.writeString(properties, "# edited\n" + Files.readString(properties));
    assertThat(check(BOOT).checksummed()).containsExactlyElementsOf(IndexFiles.DATA);
  }

  @Test
  void aDamagedOrMissingRecordIsIgnored() throws Exception {
    verifiedIn(BOOT);
    Path record = index.resolve(IndexFiles.VERIFIED);
    Files.writeString(record, "file.ids.bin=1:2:3\ndurable=maybe\n\\u00");
    assertThat(check(BOOT).checksummed()).containsExactlyElementsOf(IndexFiles.DATA);
    Files.delete(record);
    assertThat(check(BOOT).checksummed()).containsExactlyElementsOf(IndexFiles.DATA);
    assertThat(record).exists();
  }

  @Test
  void aFileChangedAfterTheDurableRecordIsFoundInTheNextBoot() throws Exception {
    verifiedIn(BOOT);
    assertThat(IndexStore.locate(dump, options).withTrust(BOOT).makeDurable()).isTrue();
    settle();
    Path file = index.resolve(IndexFiles.RETAINED);
    try (RandomAccessFile access = new RandomAccessFile(file.toFile(), "rw")) {
      int value = access.read();
      access.seek(0);
      access.write(value ^ 1);
    }
    Check check = IndexStore.locate(dump, options).withTrust(NEXT_BOOT).check(options);
    assertThat(check.problem()).contains(IndexFiles.RETAINED, "checksum mismatch");
    assertThat(check.checksummed()).containsExactly(IndexFiles.RETAINED);
  }
}
