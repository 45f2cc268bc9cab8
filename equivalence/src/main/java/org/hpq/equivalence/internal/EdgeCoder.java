package org.hpq.equivalence.internal;

/** The code of an inbound edge by its position, for one worker of a pass. Not thread-safe. */
interface EdgeCoder {
  long code(long position);
}
