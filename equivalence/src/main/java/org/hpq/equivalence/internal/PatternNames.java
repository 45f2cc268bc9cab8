package org.hpq.equivalence.internal;

/**
 * Row names of reference patterns: the path of child indexes as letters ({@code 0 -> a}), runs
 * of three or more equal letters written as the letter and the run length ({@code aaab -> a3b});
 * the root row is {@code _}.
 */
public final class PatternNames {
  private PatternNames() {}

  /** The name of the row at {@code path} (child indexes below 26). */
  public static String format(int[] path) {
    if (path.length == 0) {
      return "_";
    }
    StringBuilder name = new StringBuilder();
    int i = 0;
    while (i < path.length) {
      int j = i + 1;
      while (j < path.length && path[j] == path[i]) {
        j++;
      }
      char letter = (char) ('a' + path[i]);
      if (j - i > 2) {
        name.append(letter).append(j - i);
      } else {
        for (int k = i; k < j; k++) {
          name.append(letter);
        }
      }
      i = j;
    }
    return name.toString();
  }

  /**
   * The path of a row name.
   *
   * @throws IllegalArgumentException if {@code name} is not a row name
   */
  public static int[] parse(String name) {
    if (name.equals("_")) {
      return new int[0];
    }
    it.unimi.dsi.fastutil.ints.IntArrayList path = new it.unimi.dsi.fastutil.ints.IntArrayList();
    int i = 0;
    while (i < name.length()) {
      char letter = name.charAt(i);
      if (letter < 'a' || letter > 'z') {
        throw new IllegalArgumentException("not a reference pattern row name: '" + name + "'");
      }
      i++;
      int count = 0;
      while (i < name.length() && Character.isDigit(name.charAt(i))) {
        count = count * 10 + (name.charAt(i) - '0');
        i++;
      }
      for (int k = 0; k < Math.max(1, count); k++) {
        path.add(letter - 'a');
      }
    }
    return path.toIntArray();
  }
}
