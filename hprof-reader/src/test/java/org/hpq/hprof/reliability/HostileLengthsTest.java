package org.hpq.hprof.reliability;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.stream.Stream;
import org.hpq.hprof.HeapDump;
import org.hpq.hprof.OpenOptions;
import org.hpq.hprof.Strictness;
import org.hpq.hprof.fuzz.DumpChecks;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * Hostile lengths and shapes ({@link HostileDumps}) in every strictness: each opens and reads in
 * full, or fails with a documented error naming the offset; never an {@link OutOfMemoryError}
 * (the suite runs with {@code -Xmx1g} while the cases claim up to 32 GiB), a stack overflow or a
 * hang (the timeout is a guard, not a measurement). What the reader keeps is bounded by the
 * file: the object count by the bytes, the index on disk by a small multiple of them.
 */
class HostileLengthsTest {
  @TempDir Path folder;

  static Stream<Arguments> cases() {
    return HostileDumps.all().entrySet().stream()
        .flatMap(entry -> Stream.of(Strictness.values()).map(strictness -> Arguments.of(entry.getKey(), strictness, entry.getValue())));
  }

  @ParameterizedTest(name = "{0} ({1})")
  @MethodSource("cases")
  @Timeout(60)
  void boundedByTheFile(String name, Strictness strictness, byte[] bytes) throws Exception {
    Path file = Files.write(folder.resolve("hostile.hprof"), bytes);
    OpenOptions options = OpenOptions.defaults().withIndexDirectory(folder.resolve("index"))
        .withCacheDirectory(folder.resolve("cache")).withStrictness(strictness);
    HeapDump dump = DumpChecks.openOrNull(file, options);
    if (dump == null) {
      assertThat(strictness).as(name + ": PERMISSIVE must open what has a complete header").isNotEqualTo(Strictness.PERMISSIVE);
      return;
    }
    try (dump) {
      DumpChecks.readEverything(dump);
      assertThat((long) dump.objectCount()).as(name).isLessThanOrEqualTo(bytes.length / 9);
      assertThat(sizeOf(dump.indexDirectory())).as(name + ": index size").isLessThan(64L * bytes.length + (1 << 20));
    }
  }

  private static long sizeOf(Path directory) throws Exception {
    try (Stream<Path> files = Files.walk(directory)) {
      long total = 0;
      for (Path file : files.filter(Files::isRegularFile).toList()) {
        total += Files.size(file);
      }
      return total;
    }
  }


  /**
   * A 2 MiB dump whose 20,000 classes form one superclass chain: every class's field list repeats
   * its superclasses' fields, so the class table needs memory quadratic in the depth.
   */
  @org.junit.jupiter.api.Test
  @Timeout(120)
  void aDeepSuperclassChainStaysLinear() throws Exception {
    byte[] bytes = HostileDumps.classChain(20_000);
    assertThat(bytes.length).isLessThan(4 << 20);
    Path file = Files.write(folder.resolve("deep.hprof"), bytes);
    OpenOptions options = OpenOptions.defaults().withIndexDirectory(folder.resolve("index"))
        .withCacheDirectory(folder.resolve("cache")).withStrictness(Strictness.WARN);
    try (HeapDump dump = DumpChecks.openOrNull(file, options)) {
      assertThat(dump).isNotNull();
      DumpChecks.readEverything(dump);
    }
  }
}
