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
}
