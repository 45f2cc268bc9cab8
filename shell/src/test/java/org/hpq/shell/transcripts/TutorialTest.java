package org.hpq.shell.transcripts;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.hpq.hprof.HeapDump;
import org.hpq.hprof.OpenOptions;
import org.hpq.shell.demo.DemoHeap;
import org.hpq.shell.heap.HeapShell;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Runs every session of {@code docs/tutorial.md} (fenced blocks marked {@code hpq-session}) on the
 * demo heap, in order and in one shell, and fails when any output differs: the tutorial cannot go
 * stale.
 */
class TutorialTest {
  static final Path TUTORIAL = Path.of("..", "docs", "tutorial.md");

  @TempDir Path cache;

  @Test
  void everyTranscriptOfTheTutorialMatches() throws Exception {
    List<Transcript> sessions = sessions(TUTORIAL);
    assertThat(sessions).as("hpq-session blocks in %s", TUTORIAL).hasSizeGreaterThan(5);
    Path dump = DemoHeap.ensure(cache);
    OpenOptions options = OpenOptions.defaults().withIndexDirectory(cache).withCacheDirectory(cache);
    try (HeapDump heap = HeapDump.open(dump, options);
        HeapShell shell = HeapShell.create(heap, options)) {
      List<String> problems = new ArrayList<>();
      List<List<String>> rewritten = new ArrayList<>();
      for (Transcript session : sessions) {
        List<String> block = new ArrayList<>();
        problems.addAll(TranscriptRunner.run(shell.interpreter(), session, block));
        rewritten.add(block);
      }
      if (Boolean.getBoolean("tutorial.update")) {
        // mvn -pl shell test -Dtest=TutorialTest -Dtutorial.update=true rewrites the outputs.
        rewriteSessions(TUTORIAL, rewritten);
        return;
      }
      assertThat(problems).as("tutorial transcripts that differ from real output").isEmpty();
    }
  }

  /** Replaces the body of every {@code hpq-session} block, in order. */
  static void rewriteSessions(Path markdown, List<List<String>> bodies) throws IOException {
    List<String> lines = Files.readAllLines(markdown, StandardCharsets.UTF_8);
    List<String> result = new ArrayList<>();
    int block = 0;
    for (int i = 0; i < lines.size(); i++) {
      result.add(lines.get(i));
      if (lines.get(i).strip().equals("```hpq-session")) {
        result.addAll(bodies.get(block++));
        while (!lines.get(i + 1).strip().equals("```")) {
          i++;
        }
      }
    }
    Files.write(markdown, result, StandardCharsets.UTF_8);
  }

  /** The {@code hpq-session} blocks of a Markdown file, with their line numbers. */
  static List<Transcript> sessions(Path markdown) throws IOException {
    List<String> lines = Files.readAllLines(markdown, StandardCharsets.UTF_8);
    List<Transcript> sessions = new ArrayList<>();
    for (int i = 0; i < lines.size(); i++) {
      if (lines.get(i).strip().equals("```hpq-session")) {
        int start = i + 1;
        int end = start;
        while (end < lines.size() && !lines.get(end).strip().equals("```")) {
          end++;
        }
        sessions.add(Transcript.parse(markdown.getFileName().toString(), lines.subList(start, end), start + 1));
        i = end;
      }
    }
    return sessions;
  }
}
