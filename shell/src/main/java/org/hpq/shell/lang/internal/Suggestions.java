package org.hpq.shell.lang.internal;

import java.util.ArrayList;
import java.util.Collection;
import java.util.List;

/** "Did you mean" suggestions by edit distance (with adjacent transpositions as one edit). */
public final class Suggestions {
  private static final int MAXIMUM_SUGGESTIONS = 3;

  private Suggestions() {}

  /**
   * The candidates closest to {@code name}, at most three, all at the smallest distance found,
   * and only if that distance is at most a third of the name's length (and at least 2 is always
   * allowed for names of 3 or more characters).
   */
  public static List<String> closest(String name, Collection<String> candidates) {
    int limit = Math.max(name.length() >= 3 ? 2 : 1, name.length() / 3);
    int best = Integer.MAX_VALUE;
    List<String> found = new ArrayList<>();
    for (String candidate : candidates.stream().sorted().distinct().toList()) {
      int distance = distance(name, candidate);
      if (distance > limit || distance == 0) {
        continue;
      }
      if (distance < best) {
        best = distance;
        found.clear();
      }
      if (distance == best && found.size() < MAXIMUM_SUGGESTIONS) {
        found.add(candidate);
      }
    }
    return found;
  }

  /** {@code "; did you mean 'a'?"} or {@code "; did you mean 'a' or 'b'?"}, or "" when none. */
  public static String didYouMean(String name, Collection<String> candidates) {
    List<String> found = closest(name, candidates);
    if (found.isEmpty()) {
      return "";
    }
    StringBuilder text = new StringBuilder("; did you mean ");
    for (int index = 0; index < found.size(); index++) {
      if (index > 0) {
        text.append(index == found.size() - 1 ? " or " : ", ");
      }
      text.append('\'').append(found.get(index)).append('\'');
    }
    return text.append('?').toString();
  }

  /** Optimal string alignment distance: insert, delete, substitute, swap neighbours. */
  static int distance(String a, String b) {
    int[][] table = new int[a.length() + 1][b.length() + 1];
    for (int i = 0; i <= a.length(); i++) {
      table[i][0] = i;
    }
    for (int j = 0; j <= b.length(); j++) {
      table[0][j] = j;
    }
    for (int i = 1; i <= a.length(); i++) {
      for (int j = 1; j <= b.length(); j++) {
        int cost = a.charAt(i - 1) == b.charAt(j - 1) ? 0 : 1;
        int value = Math.min(Math.min(table[i - 1][j] + 1, table[i][j - 1] + 1), table[i - 1][j - 1] + cost);
        if (i > 1 && j > 1 && a.charAt(i - 1) == b.charAt(j - 2) && a.charAt(i - 2) == b.charAt(j - 1)) {
          value = Math.min(value, table[i - 2][j - 2] + 1);
        }
        table[i][j] = value;
      }
    }
    return table[a.length()][b.length()];
  }
}
