package org.hpq.hprof.store;

/**
 * A fixed-size array of {@code byte} addressed by {@code long}, on the heap or in a memory-mapped
 * file. Not thread-safe for writes; concurrent reads are safe once writing has finished.
 */
public interface ByteArray extends AutoCloseable {

  long size();

  byte get(long index);

  void set(long index, byte value);

  @Override
  default void close() {}
}
