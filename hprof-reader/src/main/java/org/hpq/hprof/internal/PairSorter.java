package org.hpq.hprof.internal;

import org.hpq.hprof.store.BigArrays;
import org.hpq.hprof.store.LongArray;

/**
 * Sorts (key, value) pairs held in two {@link LongArray}s by key, as unsigned numbers, with a
 * least-significant-digit radix sort of 16-bit digits. Digits that all keys share are skipped, so
 * heap addresses (which share their top bits) usually need three passes. Stable; needs scratch
 * space of the same size; no recursion.
 */
final class PairSorter {
  private PairSorter() {}

  /** Sorts the first {@code count} pairs in place. */
  static void sort(LongArray keys, LongArray values, long count, BigArrays arrays) {
    LongArray scratchKeys = arrays.newLongArray(Math.max(1, count));
    LongArray scratchValues = arrays.newLongArray(Math.max(1, count));
    LongArray fromKeys = keys;
    LongArray fromValues = values;
    LongArray toKeys = scratchKeys;
    LongArray toValues = scratchValues;
    long[] counts = new long[1 << 16];
    for (int digit = 0; digit < 4; digit++) {
      int shift = digit * 16;
      java.util.Arrays.fill(counts, 0);
      for (long i = 0; i < count; i++) {
        counts[(int) ((fromKeys.get(i) >>> shift) & 0xFFFF)]++;
      }
      if (isSingleBucket(counts, count)) {
        continue;
      }
      long total = 0;
      for (int b = 0; b < counts.length; b++) {
        long c = counts[b];
        counts[b] = total;
        total += c;
      }
      for (long i = 0; i < count; i++) {
        long key = fromKeys.get(i);
        int bucket = (int) ((key >>> shift) & 0xFFFF);
        long target = counts[bucket]++;
        toKeys.set(target, key);
        toValues.set(target, fromValues.get(i));
      }
      LongArray swap = fromKeys;
      fromKeys = toKeys;
      toKeys = swap;
      swap = fromValues;
      fromValues = toValues;
      toValues = swap;
    }
    if (fromKeys != keys) {
      for (long i = 0; i < count; i++) {
        keys.set(i, fromKeys.get(i));
        values.set(i, fromValues.get(i));
      }
    }
    scratchKeys.close();
    scratchValues.close();
  }

  private static boolean isSingleBucket(long[] counts, long count) {
    for (long c : counts) {
      if (c != 0) {
        return c == count;
      }
    }
    return true;
  }
}
