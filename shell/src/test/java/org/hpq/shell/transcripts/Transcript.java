package org.hpq.shell.transcripts;

import java.util.ArrayList;
import java.util.List;

/**
 * A shell session written down: inputs after {@code hpq> } (continued by {@code ...> }) and the
 * output each gives. In expected output a line {@code [...]} matches any number of lines and
 * {@code [...]} inside a line matches any text, for what differs from run to run (addresses,
 * JDK-internal counts).
 */
record Transcript(String name, List<Step> steps) {
  static final String PROMPT = "hpq> ";
  static final String CONTINUATION = "...> ";
  static final String WILDCARD = "[...]";

  /** One input and its expected output lines. */
  record Step(int line, String input, List<String> expected) {}

  /** Parses the text of a session: prompts, continuation lines and output. */
  static Transcript parse(String name, List<String> lines, int firstLine) {
    List<Step> steps = new ArrayList<>();
    StringBuilder input = null;
    List<String> expected = null;
    int inputLine = 0;
    for (int i = 0; i < lines.size(); i++) {
      String line = lines.get(i);
      if (line.startsWith(PROMPT)) {
        if (input != null) {
          steps.add(new Step(inputLine, input.toString(), expected));
        }
        input = new StringBuilder(line.substring(PROMPT.length()));
        expected = new ArrayList<>();
        inputLine = firstLine + i;
      } else if (line.startsWith(CONTINUATION) && input != null && expected.isEmpty()) {
        input.append('\n').append(line.substring(CONTINUATION.length()));
      } else if (input != null) {
        expected.add(line);
      } else if (!line.isBlank()) {
        throw new IllegalArgumentException(name + ":" + (firstLine + i) + ": output before the first prompt");
      }
    }
    if (input != null) {
      steps.add(new Step(inputLine, input.toString(), expected));
    }
    return new Transcript(name, steps);
  }

  /** Whether {@code actual} lines match {@code expected} lines with wildcards. */
  static boolean matches(List<String> expected, List<String> actual) {
    return matchFrom(expected, 0, actual, 0);
  }

  private static boolean matchFrom(List<String> expected, int e, List<String> actual, int a) {
    while (e < expected.size()) {
      String pattern = expected.get(e);
      if (pattern.equals(WILDCARD)) {
        for (int skip = a; skip <= actual.size(); skip++) {
          if (matchFrom(expected, e + 1, actual, skip)) {
            return true;
          }
        }
        return false;
      }
      if (a >= actual.size() || !lineMatches(pattern, actual.get(a))) {
        return false;
      }
      e++;
      a++;
    }
    return a == actual.size();
  }

  static boolean lineMatches(String pattern, String line) {
    if (!pattern.contains(WILDCARD)) {
      return pattern.equals(line);
    }
    String[] parts = pattern.split(java.util.regex.Pattern.quote(WILDCARD), -1);
    if (!line.startsWith(parts[0])) {
      return false;
    }
    int at = parts[0].length();
    for (int p = 1; p < parts.length - 1; p++) {
      int found = line.indexOf(parts[p], at);
      if (found < 0) {
        return false;
      }
      at = found + parts[p].length();
    }
    String last = parts[parts.length - 1];
    return line.length() - last.length() >= at && line.endsWith(last);
  }
}
