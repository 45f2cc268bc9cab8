package org.hpq.hprof.dominators.internal;

import org.hpq.hprof.store.BigArrays;
import org.hpq.hprof.store.LongArray;

/** Bit sets kept in a {@link LongArray}: bit {@code i} is bit {@code i & 63} of word {@code i >>> 6}. */
public final class Bits {
  private Bits() {}

  /** A zero-filled bit set for indexes {@code 0..size-1}. */
  public static LongArray allocate(BigArrays arrays, long size) {
    return arrays.newLongArray(words(size));
  }

  /** Number of words holding {@code size} bits. */
  public static long words(long size) {
    return (size + 63) >>> 6;
  }

  public static boolean get(LongArray bits, long index) {
    return (bits.get(index >>> 6) & (1L << (index & 63))) != 0;
  }

  public static void set(LongArray bits, long index) {
    long word = index >>> 6;
    bits.set(word, bits.get(word) | (1L << (index & 63)));
  }
}
