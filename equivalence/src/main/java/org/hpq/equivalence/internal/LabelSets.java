package org.hpq.equivalence.internal;

import java.util.Arrays;

/** Sorted, duplicate-free arrays of long codes, as interning keys for sets of labels. */
final class LabelSets {
  private LabelSets() {}

  /** A value-equal wrapper of a sorted code array. */
  record Key(long[] codes) {
    @Override
    public boolean equals(Object other) {
      return other instanceof Key key && Arrays.equals(codes, key.codes);
    }

    @Override
    public int hashCode() {
      return Arrays.hashCode(codes);
    }
  }

  /** Sorts the first {@code count} codes and drops repeats. */
  static long[] normalize(long[] codes, int count) {
    long[] result = Arrays.copyOf(codes, count);
    return Arrays.copyOf(result, sortDistinct(result, count));
  }

  /**
   * Sorts {@code codes[0..count)} in place and moves its distinct codes to the front.
   *
   * @return the number of distinct codes
   */
  static int sortDistinct(long[] codes, int count) {
    if (count == 2) {
      if (codes[0] > codes[1]) {
        long swap = codes[0];
        codes[0] = codes[1];
        codes[1] = swap;
      }
    } else if (count > 2) {
      Arrays.sort(codes, 0, count);
    }
    int kept = 0;
    for (int i = 0; i < count; i++) {
      if (kept == 0 || codes[kept - 1] != codes[i]) {
        codes[kept++] = codes[i];
      }
    }
    return kept;
  }

  /** Whether sorted {@code small} is a subset of sorted {@code large}. */
  static boolean isSubset(long[] small, long[] large) {
    int j = 0;
    for (long code : small) {
      while (j < large.length && large[j] < code) {
        j++;
      }
      if (j == large.length || large[j] != code) {
        return false;
      }
      j++;
    }
    return true;
  }
}
