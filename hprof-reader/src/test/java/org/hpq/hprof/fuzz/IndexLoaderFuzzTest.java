package org.hpq.hprof.fuzz;

import com.code_intelligence.jazzer.api.FuzzedDataProvider;
import com.code_intelligence.jazzer.junit.FuzzTest;
import java.io.IOException;
import java.io.RandomAccessFile;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.stream.Stream;
import org.hpq.hprof.HeapDump;
import org.hpq.hprof.HprofFormatException;
import org.hpq.hprof.OpenOptions;
import org.hpq.hprof.Strictness;
import org.hpq.hprof.internal.IndexFiles;

/**
 * Coverage-guided fuzzing of the index loader. A good index of a small dump is built once; each
 * execution restores it, lets the fuzzer damage one of its files, and opens the dump again.
 *
 * <ul>
 *   <li>Damage the checksums can see (changed, cut, lengthened, deleted or replaced bytes of any
 *       file, edited {@code index.properties}): the open must succeed, the dump must read exactly
 *       as before, and an index whose files differ from the good ones must never be used without
 *       a rebuild.
 *   <li>Damage the checksums cannot see ({@code meta.bin} changed and its checksum updated, as a
 *       buggy writer would leave it): the open may fail, but only with a documented exception,
 *       never with an {@link Error} (out of memory, stack overflow) or a hang.
 * </ul>
 */
class IndexLoaderFuzzTest {
  /**
   * Whether to forge meta.bin (mode 5); {@code -Dhpq.fuzz.forgeMeta=false} lets a long run explore
   * the other modes while a finding of this mode is open (see {@link IndexLoaderFindingsFuzzTest}).
   */
  private static final boolean FORGE_META = !"false".equals(System.getProperty("hpq.fuzz.forgeMeta"));

  private static final Path SCRATCH = Scratch.create("index");
  private static final Path DUMP;
  private static final OpenOptions OPTIONS;
  private static final Path TEMPLATE;
  private static final Path INDEX;
  private static final long EXPECTED;
  private static final List<String> FILES;

  static {
    try {
      DUMP = Files.write(Files.createDirectories(SCRATCH.resolve("dump")).resolve("small.hprof"), SeedDumps.all().get("every-record-segments"));
      OPTIONS = OpenOptions.defaults().withIndexDirectory(SCRATCH.resolve("index")).withCacheDirectory(SCRATCH.resolve("cache"))
          .withStrictness(Strictness.WARN);
      try (HeapDump dump = HeapDump.open(DUMP, OPTIONS)) {
        EXPECTED = DumpChecks.readEverything(dump);
        INDEX = dump.indexDirectory();
      }
      TEMPLATE = SCRATCH.resolve("template");
      copyTree(INDEX, TEMPLATE);
      List<String> files = new ArrayList<>(IndexFiles.DATA);
      files.add(IndexFiles.PROPERTIES);
      FILES = List.copyOf(files);
    } catch (IOException | HprofFormatException e) {
      throw new ExceptionInInitializerError(e);
    }
  }

  @FuzzTest(maxDuration = "10m")
  void load(FuzzedDataProvider data) throws Exception {
    restore();
    int mode = data.consumeInt(0, 5);
    if (mode == 5 && !FORGE_META) {
      return;
    }
    if (mode == 5) {
      forgeMeta(data);
      try (HeapDump dump = HeapDump.open(DUMP, OPTIONS)) {
        dump.objectCount();
      } catch (IOException | HprofFormatException e) {
        // A documented failure is all that can be asked of an index that passes its checksums.
      }
      return;
    }
    Path file = INDEX.resolve(data.pickValue(FILES));
    switch (mode) {
      case 0 -> overwrite(file, data);
      case 1 -> truncateOrExtend(file, data);
      case 2 -> editProperty(data);
      case 3 -> Files.delete(file);
      case 4 -> {
        Files.delete(file);
        Files.createDirectory(file);
      }
      default -> throw new AssertionError(mode);
    }
    boolean damaged = !sameAsTemplate(true);
    try (HeapDump dump = HeapDump.open(DUMP, OPTIONS)) {
      long digest = DumpChecks.readEverything(dump);
      if (digest != EXPECTED) {
        throw new AssertionError("the dump reads differently after index damage (mode " + mode + ", " + file.getFileName() + ")");
      }
      if (damaged && dump.indexNote() == null && !sameAsTemplate(true)) {
        throw new AssertionError("a damaged index was used without a rebuild (mode " + mode + ", " + file.getFileName() + ")");
      }
    }
    // meta.bin records the build's time and peak heap, so only it may differ after a rebuild.
    if (!sameAsTemplate(false)) {
      throw new AssertionError("the index left after a rebuild differs from a fresh one (mode " + mode + ")");
    }
  }

  private static void overwrite(Path file, FuzzedDataProvider data) throws IOException {
    long size = Files.size(file);
    if (size == 0) {
      return;
    }
    int edits = data.consumeInt(1, 4);
    try (RandomAccessFile access = new RandomAccessFile(file.toFile(), "rw")) {
      for (int edit = 0; edit < edits; edit++) {
        access.seek(data.consumeLong(0, size - 1));
        access.write(data.consumeByte());
      }
    }
  }

  private static void truncateOrExtend(Path file, FuzzedDataProvider data) throws IOException {
    long size = Files.size(file);
    try (RandomAccessFile access = new RandomAccessFile(file.toFile(), "rw")) {
      if (data.consumeBoolean() && size > 0) {
        access.setLength(data.consumeLong(0, size - 1));
      } else {
        access.seek(size);
        access.write(data.consumeBytes(32));
      }
    }
  }

  /** Replaces one line of index.properties (or adds one) with fuzzed text. */
  private static void editProperty(FuzzedDataProvider data) throws IOException {
    Path file = INDEX.resolve(IndexFiles.PROPERTIES);
    List<String> lines = new ArrayList<>(Files.readAllLines(file));
    int line = data.consumeInt(0, lines.size());
    String text = data.consumeString(120);
    if (line == lines.size()) {
      lines.add(text);
    } else if (data.consumeBoolean()) {
      String old = lines.get(line);
      int equals = old.indexOf('=');
      lines.set(line, (equals < 0 ? old : old.substring(0, equals + 1)) + text);
    } else {
      lines.set(line, text);
    }
    Files.write(file, lines);
  }

  /** Changes bytes of meta.bin and writes its new size and checksum into index.properties. */
  private static void forgeMeta(FuzzedDataProvider data) throws IOException {
    Path meta = INDEX.resolve(IndexFiles.META);
    overwrite(meta, data);
    if (data.consumeBoolean()) {
      truncateOrExtend(meta, data);
    }
    Path properties = INDEX.resolve(IndexFiles.PROPERTIES);
    List<String> lines = new ArrayList<>();
    for (String line : Files.readAllLines(properties)) {
      if (line.startsWith("file.meta.bin.size=")) {
        line = "file.meta.bin.size=" + Files.size(meta);
      } else if (line.startsWith("file.meta.bin.crc32c=")) {
        line = "file.meta.bin.crc32c=" + IndexFiles.checksum(meta);
      }
      lines.add(line);
    }
    Files.write(properties, lines);
  }

  /** Puts the good index back (and the lock file and leftovers away). */
  private static void restore() throws IOException {
    try (Stream<Path> children = Files.list(INDEX.getParent())) {
      for (Path child : children.toList()) {
        Scratch.delete(child);
      }
    }
    copyTree(TEMPLATE, INDEX);
  }

  /** Whether every data file of the index holds the good index's bytes (meta.bin optionally). */
  private static boolean sameAsTemplate(boolean includingMeta) {
    try {
      for (String name : IndexFiles.DATA) {
        if (!includingMeta && name.equals(IndexFiles.META)) {
          continue;
        }
        Path file = INDEX.resolve(name);
        if (!Files.isRegularFile(file) || !Arrays.equals(Files.readAllBytes(file), Files.readAllBytes(TEMPLATE.resolve(name)))) {
          return false;
        }
      }
      return true;
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  private static void copyTree(Path from, Path to) throws IOException {
    Files.createDirectories(to);
    try (Stream<Path> children = Files.list(from)) {
      for (Path child : children.toList()) {
        Files.copy(child, to.resolve(child.getFileName()), StandardCopyOption.COPY_ATTRIBUTES);
      }
    }
  }
}
