package org.hpq.hprof.internal;

import org.hpq.hprof.store.BigArrays;
import org.hpq.hprof.store.LongArray;

/**
 * A faster id-to-index map for the build's hundreds of millions of lookups, beside the {@link
 * IdIndex} that the index keeps: a rank bit set over the address range. Object ids are addresses
 * aligned to some power of two (8 bytes in HotSpot); each aligned address above the smallest id is
 * one bit, set when an object has that id, and each block of 64 bits carries the count of set bits
 * before it, in the same 16 bytes. A lookup is one cache line: the block's count plus the set bits
 * below the id's bit. When the ids are too sparse for that (over {@value #MAX_BITS_PER_ID} bits an
 * id), lookups go to the {@link IdIndex}.
 */
final class IdLookup implements AutoCloseable {
  static final int MAX_BITS_PER_ID = 64;

  private final IdIndex index;
  /** Per block of 64 addresses: [2b] the set bits before the block, [2b + 1] the block's bits. */
  private final LongArray table;
  private final long minimum;
  private final long span;
  private final int shift;
  private final long alignmentMask;

  private IdLookup(IdIndex index, LongArray table, long minimum, long span, int shift) {
    this.index = index;
    this.table = table;
    this.minimum = minimum;
    this.span = span;
    this.shift = shift;
    this.alignmentMask = shift == 64 ? -1L : (1L << shift) - 1;
  }

  /** The rank bit set over some ids, or none when they are too sparse for one. */
  record Table(LongArray table, long minimum, long span, int shift) {}

  /** The lookup over the ids of {@code index}, its table from {@code scratch} (closed by {@link #close}). */
  static IdLookup build(IdIndex index, BigArrays scratch) {
    return of(index, buildTable(index.ids(), index.count(), scratch));
  }

  /** The lookup over the ids of {@code index} with a table {@link #buildTable} made of them (or null). */
  static IdLookup of(IdIndex index, Table table) {
    return table == null
        ? new IdLookup(index, null, 0, 0, 0)
        : new IdLookup(index, table.table(), table.minimum(), table.span(), table.shift());
  }

  /**
   * The rank bit set over the first {@code count} of the ascending {@code ids}, in {@code
   * scratch}; null when there are too few ids or they are too sparse. Reads only the ids, so it
   * can be built while the {@link IdIndex} over them is.
   */
  static Table buildTable(LongArray ids, int count, BigArrays scratch) {
    if (count < 2) {
      return null;
    }
    long minimum = ids.get(0);
    long span = ids.get(count - 1L) - minimum;
    long differences = 0;
    for (long i = 1; i < count; i++) {
      differences |= ids.get(i) - minimum;
    }
    int shift = Long.numberOfTrailingZeros(differences);
    if (Long.compareUnsigned(span >>> shift, (long) MAX_BITS_PER_ID * count) >= 0) {
      return null;
    }
    long bits = (span >>> shift) + 1;
    long blocks = (bits + 63) >>> 6;
    LongArray table = scratch.newLongArray(2 * blocks);
    long block = -1;
    long word = 0;
    for (int i = 0; i < count; i++) {
      long bit = (ids.get(i) - minimum) >>> shift;
      if (bit >>> 6 != block) {
        if (block >= 0) {
          table.set(2 * block + 1, word);
        }
        block = bit >>> 6;
        word = 0;
      }
      word |= 1L << bit;
    }
    table.set(2 * block + 1, word);
    long before = 0;
    for (long b = 0; b < blocks; b++) {
      table.set(2 * b, before);
      before += Long.bitCount(table.get(2 * b + 1));
    }
    return new Table(table, minimum, span, shift);
  }

  /** The index of {@code id}, or -1 when no object has that id; as {@link IdIndex#indexOf}. */
  int indexOf(long id) {
    if (table == null) {
      return index.indexOf(id);
    }
    long offset = id - minimum;
    if ((offset & alignmentMask) != 0 || Long.compareUnsigned(offset, span) > 0) {
      return -1;
    }
    long bit = offset >>> shift;
    long block = bit >>> 6;
    long word = table.get(2 * block + 1);
    long mask = 1L << bit;
    if ((word & mask) == 0) {
      return -1;
    }
    return (int) (table.get(2 * block) + Long.bitCount(word & (mask - 1)));
  }

  @Override
  public void close() {
    if (table != null) {
      table.close();
    }
  }
}
