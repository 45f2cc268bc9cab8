package org.hpq.hprof.fuzz;

import com.code_intelligence.jazzer.junit.FuzzTest;
import java.nio.file.Files;
import java.nio.file.Path;
import org.hpq.hprof.HeapDump;
import org.hpq.hprof.OpenOptions;
import org.hpq.hprof.Strictness;

/**
 * Coverage-guided fuzzing of the HPROF record and sub-record parser: any bytes, opened STRICT and
 * PERMISSIVE, either give a dump that reads in full or a documented error with an offset.
 *
 * <p>In the normal test run this replays the seeds and findings in {@code
 * src/test/resources/org/hpq/hprof/fuzz/HprofParserFuzzTestInputs/parse} (test-writer dumps of
 * every record kind, a prefix of a real JDK dump, and every crash found so far). To fuzz: {@code
 * JAZZER_FUZZ=1 mvn -pl hprof-reader test -Dtest=HprofParserFuzzTest -Djazzer.instrument='org.hpq.**'}
 * (see docs/reliability.md).
 */
class HprofParserFuzzTest {
  private static final Path SCRATCH = Scratch.create("parse");

  @FuzzTest(maxDuration = "10m")
  void parse(byte[] bytes) throws Exception {
    for (Strictness strictness : new Strictness[] {Strictness.STRICT, Strictness.PERMISSIVE}) {
      Path folder = Files.createTempDirectory(SCRATCH, "run-");
      try {
        Path file = Files.write(folder.resolve("fuzz.hprof"), bytes);
        OpenOptions options =
            OpenOptions.defaults()
                .withIndexDirectory(folder.resolve("index"))
                .withCacheDirectory(folder.resolve("cache"))
                .withStrictness(strictness);
        HeapDump dump = DumpChecks.openOrNull(file, options);
        if (dump != null) {
          try (dump) {
            DumpChecks.readEverything(dump);
          }
        }
      } finally {
        Scratch.delete(folder);
      }
    }
  }
}
