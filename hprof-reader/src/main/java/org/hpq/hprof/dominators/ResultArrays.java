package org.hpq.hprof.dominators;

import org.hpq.hprof.store.BigArrays;
import org.hpq.hprof.store.IntArray;
import org.hpq.hprof.store.LongArray;

/**
 * Allocates the arrays a computation returns, by name, so that an index can place them in its
 * own memory-mapped files. Scratch arrays come from a {@link BigArrays} instead. Every array
 * returned must be zero-filled and writable.
 */
public interface ResultArrays {

  /** A new zero-filled writable array of {@code size} ints called {@code name}. */
  IntArray newIntArray(String name, long size);

  /** A new zero-filled writable array of {@code size} longs called {@code name}. */
  LongArray newLongArray(String name, long size);

  /** Result arrays taken from {@code arrays}; the names are ignored. */
  static ResultArrays of(BigArrays arrays) {
    return new ResultArrays() {
      @Override
      public IntArray newIntArray(String name, long size) {
        return arrays.newIntArray(size);
      }

      @Override
      public LongArray newLongArray(String name, long size) {
        return arrays.newLongArray(size);
      }
    };
  }
}
