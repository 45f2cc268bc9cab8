package org.hpq.equivalence.internal;

/** The code of an inbound edge by its position, for one worker of a pass. Not thread-safe. */
interface EdgeCoder {
  long code(long position);

  /**
   * Says that the next codes asked for are of inbound edges of objects {@code first} to {@code
   * last} (inclusive), at positions {@code from} (inclusive) to {@code to} (exclusive), so the
   * coder may read what it needs for them in bulk. Codes of other edges may still be asked.
   */
  default void prepare(int first, int last, long from, long to) {}

  /**
   * Writes the codes of the inbound edges at positions {@code from .. from + count - 1} (all into
   * one object) to {@code into[0 .. count - 1]}: for objects with very many referrers.
   */
  default void codes(long from, int count, long[] into) {
    for (int i = 0; i < count; i++) {
      into[i] = code(from + i);
    }
  }
}
