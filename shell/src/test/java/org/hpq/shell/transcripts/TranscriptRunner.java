package org.hpq.shell.transcripts;

import java.io.PrintWriter;
import java.io.StringWriter;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import org.hpq.shell.lang.Interpreter;
import org.hpq.shell.lang.Source;
import org.hpq.shell.repl.OutputMode;
import org.hpq.shell.repl.ScriptRunner;

/** Runs a transcript's inputs in one session, as the script runner prints them, and compares. */
final class TranscriptRunner {
  private TranscriptRunner() {}

  /** The differences, as a readable report; empty when every step matches. */
  static List<String> run(Interpreter interpreter, Transcript transcript) {
    return run(interpreter, transcript, new ArrayList<>());
  }

  /**
   * As {@link #run(Interpreter, Transcript)}, also collecting the text each step should have in
   * the transcript: the expected lines where they match (wildcards kept), else the actual ones.
   */
  static List<String> run(Interpreter interpreter, Transcript transcript, List<String> rewritten) {
    List<String> problems = new ArrayList<>();
    for (Transcript.Step step : transcript.steps()) {
      List<String> actual = output(interpreter, step.input());
      String[] inputLines = step.input().split("\n", -1);
      for (int i = 0; i < inputLines.length; i++) {
        rewritten.add((i == 0 ? Transcript.PROMPT : Transcript.CONTINUATION) + inputLines[i]);
      }
      rewritten.addAll(Transcript.matches(step.expected(), actual) ? step.expected() : actual);
      if (!Transcript.matches(step.expected(), actual)) {
        problems.add(
            transcript.name() + ":" + step.line() + ": output of '" + step.input() + "' differs.\n"
                + "--- expected\n" + String.join("\n", step.expected()) + "\n--- actual\n"
                + String.join("\n", actual));
      }
    }
    return problems;
  }

  /** What the script runner prints for {@code input}, errors included, as lines. */
  static List<String> output(Interpreter interpreter, String input) {
    StringWriter text = new StringWriter();
    PrintWriter writer = new PrintWriter(text);
    ScriptRunner.of(interpreter, writer, writer).outputMode(OutputMode.TEXT).run(Source.of("<input>", input));
    writer.flush();
    return lines(text.toString());
  }

  static List<String> lines(String text) {
    List<String> lines = new ArrayList<>(Arrays.asList(text.split("\n", -1)));
    while (!lines.isEmpty() && lines.get(lines.size() - 1).isEmpty()) {
      lines.remove(lines.size() - 1);
    }
    return lines;
  }
}
