package org.hpq.testkit.internal;

/**
 * Hands out increasing, 8-byte aligned ids that imitate heap addresses: each id is followed by a
 * gap of the object's estimated shallow size.
 */
public final class IdAllocator {
  private long next;

  /** Starts at {@code first}, which is rounded up to a multiple of 8. */
  public IdAllocator(long first) {
    this.next = align(first);
  }

  /** The next id, reserving {@code estimatedSize} bytes (at least 16) after it. */
  public long allocate(long estimatedSize) {
    long id = next;
    next += align(Math.max(16, estimatedSize));
    return id;
  }

  private static long align(long value) {
    return (value + 7) & ~7L;
  }
}
