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
    Arrays.sort(result);
    int kept = 0;
    for (int i = 0; i < result.length; i++) {
      if (kept == 0 || result[kept - 1] != result[i]) {
        result[kept++] = result[i];
      }
    }
    return Arrays.copyOf(result, kept);
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
