package org.hpq.setalgebra.internal;

import org.roaringbitmap.IntIterator;

/** Renders a node set as ascending runs: {@code {0..9, 15, 20..29}}. Not API. */
public final class NodeSetText {

  /** How many runs to show before eliding the rest. */
  private static final int SHOWN_RUNS = 16;

  private NodeSetText() {}

  /**
   * Renders the members of {@code members} (ascending) as runs {@code a..b} and single members,
   * eliding after {@value #SHOWN_RUNS} runs with {@code ... (N members)}.
   */
  public static String render(IntIterator members, long count) {
    StringBuilder text = new StringBuilder("{");
    int runs = 0;
    boolean hasRun = false;
    int runStart = 0;
    int runEnd = 0;
    while (members.hasNext()) {
      int member = members.next();
      if (hasRun && member == runEnd + 1) {
        runEnd = member;
        continue;
      }
      if (hasRun) {
        appendRun(text, runs, runStart, runEnd);
        runs++;
        if (runs == SHOWN_RUNS) {
          return text.append(", ... (").append(count).append(" members)}").toString();
        }
      }
      hasRun = true;
      runStart = member;
      runEnd = member;
    }
    if (hasRun) {
      appendRun(text, runs, runStart, runEnd);
    }
    return text.append('}').toString();
  }

  private static void appendRun(StringBuilder text, int index, int start, int end) {
    if (index > 0) {
      text.append(", ");
    }
    text.append(start);
    if (end > start) {
      text.append("..").append(end);
    }
  }
}
