package org.hpq.hprof.reliability;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assumptions.assumeThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Stream;
import org.hpq.hprof.HeapDump;
import org.hpq.hprof.OpenOptions;
import org.hpq.hprof.Strictness;
import org.hpq.hprof.fuzz.DumpChecks;
import org.hpq.testkit.FieldType;
import org.hpq.testkit.GzipFormats;
import org.hpq.testkit.HprofWriter;
import org.hpq.testkit.JdkClasses;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;

/**
 * An index (or inflated copy) that cannot be written gives a clear {@link IOException} and leaves
 * no partial index or copy behind. A full disk is a real 256 KiB tmpfs, mounted when the tests
 * run as root (they are skipped otherwise); an unwritable folder is a path below a regular file,
 * which even root cannot create.
 */
@Timeout(120)
class IndexDirectoryFailureTest {
  @TempDir Path folder;
  Path dump;
  Path tiny;
  boolean mounted;

  @BeforeEach
  void writeDump() throws Exception {
    HprofWriter writer = HprofWriter.create();
    JdkClasses jdk = writer.writeMinimalJdkClasses();
    long node = writer.defineClass("com.example.Node").superclass(jdk.objectClass()).field("next", FieldType.OBJECT).write();
    long previous = 0;
    for (int i = 0; i < 40_000; i++) {
      previous = writer.instance(node).set("next", previous).write();
    }
    writer.rootJniGlobal(previous, 1);
    dump = Files.write(folder.resolve("dump.hprof"), writer.toBytes());
  }

  @AfterEach
  void unmount() throws Exception {
    if (mounted) {
      new ProcessBuilder("umount", "-l", tiny.toString()).inheritIO().start().waitFor();
    }
  }

  private OpenOptions options(Path index, Path cache) {
    return OpenOptions.defaults().withIndexDirectory(index).withCacheDirectory(cache).withStrictness(Strictness.WARN);
  }

  /** Mounts a 256 KiB tmpfs at {@code folder/tiny}, or skips the test. */
  private void mountTinyFileSystem() throws Exception {
    tiny = Files.createDirectory(folder.resolve("tiny"));
    Process mount;
    try {
      mount = new ProcessBuilder("mount", "-t", "tmpfs", "-o", "size=256k", "tmpfs", tiny.toString()).redirectErrorStream(true).start();
    } catch (IOException e) {
      mount = null;
    }
    mounted = mount != null && mount.waitFor() == 0;
    assumeThat(mounted).as("mounting a tmpfs needs root").isTrue();
  }

  @Test
  void aFullDiskGivesAClearErrorAndNoPartialIndex() throws Exception {
    mountTinyFileSystem();
    assertThatThrownBy(() -> HeapDump.open(dump, options(tiny.resolve("index"), folder.resolve("cache"))))
        .isInstanceOf(IOException.class)
        .hasMessageContaining("No space left on device");
    // Only the index folder the user named and the lock file may remain: no partial index.
    assertThat(leftovers(tiny)).allMatch(name -> name.endsWith(".lock") || name.equals("index"));
    try (HeapDump heap = HeapDump.open(dump, options(folder.resolve("index"), folder.resolve("cache")))) {
      assertThat(heap.objectCount()).isGreaterThan(40_000);
    }
  }

  @Test
  void aFullCacheGivesAClearErrorAndNoPartialInflatedCopy() throws Exception {
    mountTinyFileSystem();
    Path gzip = Files.write(folder.resolve("dump.hprof.gz"), GzipFormats.singleMember(Files.readAllBytes(dump)));
    assertThatThrownBy(() -> HeapDump.open(gzip, options(folder.resolve("index"), tiny.resolve("cache"))))
        .isInstanceOf(IOException.class)
        .hasMessageContaining("No space left on device");
    assertThat(Files.exists(folder.resolve("index")) ? leftovers(folder.resolve("index")) : List.<String>of())
        .noneMatch(name -> name.endsWith(".hpqidx"));
    // Whatever the failed inflation left in the cache must not be taken for a complete copy.
    try (HeapDump heap = HeapDump.open(gzip, options(folder.resolve("index"), tiny.resolve("cache")))) {
      throw new AssertionError("opened with a full cache: " + heap.objectCount());
    } catch (IOException expected) {
      assertThat(expected).hasMessageContaining("No space left on device");
    }
    try (HeapDump heap = HeapDump.open(gzip, options(folder.resolve("index"), folder.resolve("cache")))) {
      try (HeapDump plain = HeapDump.open(dump, options(folder.resolve("plain-index"), folder.resolve("cache")))) {
        assertThat(DumpChecks.readEverything(heap)).isEqualTo(DumpChecks.readEverything(plain));
      }
    }
  }

  @Test
  void anUnwritableIndexFolderGivesAClearErrorAndNoIndex() throws Exception {
    Path file = Files.writeString(folder.resolve("a-file"), "not a folder");
    Path index = file.resolve("index");
    assertThatThrownBy(() -> HeapDump.open(dump, options(index, folder.resolve("cache"))))
        .isInstanceOf(IOException.class)
        .hasMessageContaining(file.toString());
    assertThat(leftovers(folder)).containsExactlyInAnyOrder("a-file", "dump.hprof");
  }

  private static List<String> leftovers(Path where) throws IOException {
    try (Stream<Path> files = Files.walk(where)) {
      return files.filter(path -> !path.equals(where)).map(path -> where.relativize(path).toString()).toList();
    }
  }
}
