package org.hpq.shell.transcripts;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;
import org.hpq.hprof.HeapDump;
import org.hpq.hprof.OpenOptions;
import org.hpq.hprof.Strictness;
import org.hpq.shell.heap.HeapShell;
import org.hpq.shell.heap.SampleDump;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestFactory;
import org.junit.jupiter.api.io.TempDir;

/**
 * Runs every golden transcript {@code src/test/resources/transcripts/*.hpq} on the {@link
 * SampleDump}, each file in a fresh shell session, and fails when any output differs.
 *
 * <p>{@code mvn -pl shell test -Dtest=GoldenTranscriptTest -Dgolden.update=true} rewrites the
 * outputs from real output (keeping expected text that still matches, wildcards included); review
 * the diff by eye before committing it.
 */
class GoldenTranscriptTest {
  static final Path DIRECTORY = Path.of("src", "test", "resources", "transcripts");

  @TempDir static Path folder;
  private static HeapDump dump;
  private static OpenOptions options;

  @BeforeAll
  static void openSampleDump() throws Exception {
    SampleDump sample = SampleDump.write(folder);
    options = OpenOptions.defaults()
        .withIndexDirectory(folder.resolve("index"))
        .withCacheDirectory(folder.resolve("cache"))
        .withStrictness(Strictness.STRICT);
    dump = HeapDump.open(sample.file(), options);
  }

  @AfterAll
  static void closeSampleDump() throws IOException {
    dump.close();
  }

  @Test
  void theTranscriptsCoverTheLanguage() throws IOException {
    // A missing or renamed file must not silently shrink the suite.
    assertThat(transcripts()).extracting(path -> path.getFileName().toString())
        .contains("partitions.hpq", "relations.hpq", "kinds.hpq", "objects.hpq", "paths.hpq", "errors.hpq",
            "tables.hpq", "baselines.hpq", "sets.hpq", "help.hpq");
  }

  @TestFactory
  Stream<DynamicTest> everyTranscriptMatchesRealOutput() throws IOException {
    return transcripts().stream().map(path -> DynamicTest.dynamicTest(path.getFileName().toString(), () -> check(path)));
  }

  private static void check(Path path) throws IOException {
    List<String> lines = Files.readAllLines(path, StandardCharsets.UTF_8);
    Transcript transcript = Transcript.parse(path.getFileName().toString(), lines, 1);
    assertThat(transcript.steps()).as("steps of %s", path).isNotEmpty();
    List<String> rewritten = new ArrayList<>();
    List<String> problems;
    try (HeapShell shell = HeapShell.create(dump, options)) {
      problems = TranscriptRunner.run(shell.interpreter(), transcript, rewritten);
    }
    if (Boolean.getBoolean("golden.update")) {
      if (!rewritten.equals(lines)) {
        Files.write(path, rewritten, StandardCharsets.UTF_8);
      }
      return;
    }
    assertThat(problems).as("steps of %s whose output differs (update with -Dgolden.update=true)", path).isEmpty();
  }

  private static List<Path> transcripts() throws IOException {
    try (Stream<Path> files = Files.list(DIRECTORY)) {
      return files.filter(path -> path.getFileName().toString().endsWith(".hpq")).sorted().toList();
    }
  }
}
