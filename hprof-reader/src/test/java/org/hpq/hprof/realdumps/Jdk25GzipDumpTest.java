package org.hpq.hprof.realdumps;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.stream.Stream;
import org.hpq.hprof.io.DumpFormat;
import org.hpq.hprof.io.DumpSources;
import org.junit.jupiter.api.Test;

/** JDK 25 (Temurin, when installed), {@code GC.heap_dump -gz=1}. */
class Jdk25GzipDumpTest extends RealDumpTestBase {
  @Override
  Scenario scenario() {
    return Scenario.jdk25("jdk25-gz").withGzip(1);
  }

  @Test
  void chunkedGzipIsReadInPlace() throws IOException {
    Path file = taken.result().dumpFile();
    assertThat(file.getFileName().toString()).endsWith(".hprof.gz");
    assertThat(DumpSources.detect(file)).as(context()).isEqualTo(DumpFormat.CHUNKED_GZIP);
    Path cache = file.getParent().resolve("cache");
    long biggest = 0;
    if (Files.isDirectory(cache)) {
      try (Stream<Path> files = Files.walk(cache)) {
        biggest = files.filter(Files::isRegularFile).mapToLong(path -> path.toFile().length()).max().orElse(0);
      }
    }
    // An inflated copy would be larger than the compressed dump.
    assertThat(biggest).as("%s: largest file in the cache", context()).isLessThan(Files.size(file));
  }
}
