package org.hpq.hprof;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowable;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.TreeMap;
import java.util.stream.Stream;
import org.hpq.testkit.FieldType;
import org.hpq.testkit.HprofWriter;
import org.hpq.testkit.JdkClasses;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Where a build keeps its scratch arrays changes nothing in the index; a scratch directory the
 * user names is the one used. The dump is large enough (16 MB) that the scan's scratch arrays are
 * files, not heap arrays.
 */
class ScratchDirectoryTest {
  @TempDir Path folder;

  @Test
  void theIndexIsTheSameWhereverTheScratchIs() throws Exception {
    Path dump = Dumps.write(folder, bigDump());
    TreeMap<String, byte[]> automatic = build(dump, "automatic", null);
    TreeMap<String, byte[]> onDisk = build(dump, "disk", folder.resolve("scratch-on-disk"));
    assertThat(onDisk.keySet()).isEqualTo(automatic.keySet());
    for (String name : automatic.keySet()) {
      assertThat(Arrays.equals(onDisk.get(name), automatic.get(name))).as(name).isTrue();
    }
  }

  @Test
  void aScratchDirectoryThatCannotBeMadeStopsTheBuild() throws Exception {
    Path dump = Dumps.write(folder, bigDump());
    Path blocker = Files.writeString(folder.resolve("a-file"), "not a directory");
    Throwable thrown = catchThrowable(() -> build(dump, "blocked", blocker.resolve("scratch")));
    assertThat(thrown).isNotNull();
    assertThat(thrown).hasMessageContaining("cannot keep scratch files in").hasMessageContaining("a-file");
  }

  /** The index files of {@code dump}, but for those that hold build and check times and stamps. */
  private TreeMap<String, byte[]> build(Path dump, String name, Path scratch) throws Exception {
    OpenOptions options =
        Dumps.options(folder.resolve(name), Strictness.STRICT).withScratchDirectory(scratch);
    TreeMap<String, byte[]> files = new TreeMap<>();
    try (HeapDump heap = HeapDump.open(dump, options);
        Stream<Path> paths = Files.list(heap.indexDirectory())) {
      assertThat(heap.objectCount()).isGreaterThan(1000);
      for (Path path : paths.toList()) {
        String file = path.getFileName().toString();
        if (!file.equals("meta.bin") && !file.equals("index.properties") && !file.equals("verified.properties")) {
          files.put(file, Files.readAllBytes(path));
        }
      }
    }
    return files;
  }

  /** A thousand linked boxes and a 16 MB byte array: more than a million objects' worth of file. */
  private static byte[] bigDump() throws Exception {
    HprofWriter writer = HprofWriter.create();
    JdkClasses jdk = writer.writeMinimalJdkClasses();
    long box = writer.defineClass("com.example.Box").superclass(jdk.objectClass()).field("next", FieldType.OBJECT)
        .field("data", FieldType.OBJECT).write();
    long data = writer.primitiveArray(new byte[16 << 20]);
    long previous = 0;
    for (int i = 0; i < 1000; i++) {
      long id = writer.reserveObjectId();
      writer.instance(box).id(id).set("next", previous).set("data", i == 0 ? data : 0L).write();
      previous = id;
    }
    writer.rootJniGlobal(previous, 1);
    return writer.toBytes();
  }
}
