package org.hpq.hprof.internal;

import org.hpq.hprof.store.BigArrays;
import org.hpq.hprof.store.IntArray;
import org.hpq.hprof.store.LongArray;

/**
 * Maps object ids (addresses, compared unsigned) to dense indexes: the ids sorted ascending, and a
 * page table that gives, for each block of {@code 1 << shift} addresses above the smallest id, the
 * first index in that block. A lookup is one table read and a binary search over the few ids of
 * one block, so hundreds of millions of lookups stay cheap without a hash map of that size.
 */
public final class IdIndex {
  private final LongArray ids;
  private final int count;
  private final IntArray pages;
  private final int shift;
  private final long minimum;

  private IdIndex(LongArray ids, int count, IntArray pages, int shift, long minimum) {
    this.ids = ids;
    this.count = count;
    this.pages = pages;
    this.shift = shift;
    this.minimum = minimum;
  }

  /** Builds the page table over {@code ids}, which must be strictly ascending (unsigned). */
  public static IdIndex build(LongArray ids, int count, BigArrays arrays) {
    return build(ids, count, arrays::newIntArray);
  }

  /** As {@link #build(LongArray, int, BigArrays)}, with the page table from {@code allocator}. */
  public static IdIndex build(LongArray ids, int count, java.util.function.LongFunction<IntArray> allocator) {
    if (count == 0) {
      return new IdIndex(ids, 0, allocator.apply(2), 63, 0);
    }
    long minimum = ids.get(0);
    long span = ids.get(count - 1L) - minimum;
    long wanted = Math.max(1, count / 4);
    int shift = 0;
    while (shift < 63 && Long.compareUnsigned(span >>> shift, wanted) > 0) {
      shift++;
    }
    long pageCount = (span >>> shift) + 1;
    IntArray pages = allocator.apply(pageCount + 1);
    long page = 0;
    for (int i = 0; i < count; i++) {
      long own = (ids.get(i) - minimum) >>> shift;
      while (page <= own) {
        pages.set(page++, i);
      }
    }
    while (page <= pageCount) {
      pages.set(page++, count);
    }
    return new IdIndex(ids, count, pages, shift, minimum);
  }

  public static IdIndex open(LongArray ids, int count, IntArray pages, int shift) {
    return new IdIndex(ids, count, pages, shift, count == 0 ? 0 : ids.get(0));
  }

  /** The index of {@code id}, or -1 when no object has that id. */
  public int indexOf(long id) {
    if (count == 0) {
      return -1;
    }
    long offset = id - minimum;
    if (Long.compareUnsigned(offset, ids.get(count - 1L) - minimum) > 0) {
      return -1;
    }
    long page = offset >>> shift;
    int low = pages.get(page);
    int high = pages.get(page + 1) - 1;
    while (low <= high) {
      int middle = (low + high) >>> 1;
      long value = ids.get(middle);
      int order = Long.compareUnsigned(value, id);
      if (order < 0) {
        low = middle + 1;
      } else if (order > 0) {
        high = middle - 1;
      } else {
        return middle;
      }
    }
    return -1;
  }

  public long id(int index) {
    return ids.get(index);
  }

  public int count() {
    return count;
  }

  public IntArray pages() {
    return pages;
  }

  public int shift() {
    return shift;
  }

  public LongArray ids() {
    return ids;
  }
}
