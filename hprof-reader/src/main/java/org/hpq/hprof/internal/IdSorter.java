package org.hpq.hprof.internal;

import it.unimi.dsi.fastutil.ints.IntArrays;
import java.util.ArrayList;
import java.util.List;
import org.hpq.hprof.HprofFormatException;
import org.hpq.hprof.store.BigArrays;
import org.hpq.hprof.store.JoinedLongArray;
import org.hpq.hprof.store.LongArray;

/**
 * Puts the (id, offset) pairs of the first pass into ascending (unsigned) id order, without
 * repeated ids, writing them into their final arrays.
 *
 * <p>HotSpot writes the objects of a heap in a few long ascending runs (one per heap region or
 * space, walked in address order) after a few hundred class dumps in no order. When the pairs
 * form at most {@value #MAX_RUNS} runs of at least {@value #MIN_RUN} pairs and the pairs of the
 * shorter runs are few, those few are sorted on the heap and everything is merged in one
 * sequential pass. Otherwise a radix sort ({@link PairSorter}) runs first. Either way ties keep
 * file order, so of repeated ids the one first in the file is kept, and the later ones are
 * reported in ascending id order.
 */
final class IdSorter {
  static final int MAX_RUNS = 64;
  static final long MIN_RUN = 1 << 12;
  static final int MAX_LEFTOVERS = 1 << 21;

  /** Told of each pair whose id equals the previous kept one; may throw to stop the build. */
  @FunctionalInterface
  interface DuplicateHandler {
    void duplicate(long id, long offset) throws HprofFormatException;
  }

  private IdSorter() {}

  /**
   * Writes the first {@code count} pairs of ({@code ids}, {@code offsets}) in ascending id order,
   * each id once, into {@code sortedIds} and {@code sortedOffsets} (at least {@code count} long
   * each); returns how many were written. The input arrays may be reordered.
   *
   * @param ascending whether the ids are known to be strictly ascending already
   */
  static long sortInto(
      LongArray ids,
      LongArray offsets,
      long count,
      boolean ascending,
      LongArray sortedIds,
      LongArray sortedOffsets,
      BigArrays scratch,
      DuplicateHandler duplicates)
      throws HprofFormatException {
    List<Piece> pieces = pieces(ids, offsets, count);
    List<long[]> runs = new ArrayList<>();
    for (Piece piece : pieces) {
      List<long[]> own = ascending ? List.of(new long[] {0, piece.count()}) : longRunsOrNull(piece.ids(), piece.count());
      if (own == null) {
        runs = null;
        break;
      }
      for (long[] run : own) {
        runs.add(new long[] {piece.base() + run[0], piece.base() + run[1]});
      }
    }
    if (runs != null && (runs.size() > MAX_RUNS || count - covered(runs) > MAX_LEFTOVERS)) {
      runs = null;
    }
    if (runs == null) {
      PairSorter.sort(ids, offsets, count, scratch);
      runs = List.of(new long[] {0, count});
      pieces = List.of(new Piece(ids, offsets, 0, count));
    }
    return new Merge(ids, offsets, pieces, runs, leftovers(ids, runs, count)).into(sortedIds, sortedOffsets, duplicates);
  }

  /**
   * Consecutive positions of the pairs held in one pair of arrays: those of a scan that two
   * threads shared come as two (see {@link JoinedLongArray}), read straight from their own arrays.
   */
  private record Piece(LongArray ids, LongArray offsets, long base, long count) {}

  private static List<Piece> pieces(LongArray ids, LongArray offsets, long count) {
    if (ids instanceof JoinedLongArray joinedIds
        && offsets instanceof JoinedLongArray joinedOffsets
        && joinedIds.split() == joinedOffsets.split()
        && joinedIds.split() < count) {
      long split = joinedIds.split();
      return List.of(
          new Piece(joinedIds.first(), joinedOffsets.first(), 0, split),
          new Piece(joinedIds.second(), joinedOffsets.second(), split, count - split));
    }
    return List.of(new Piece(ids, offsets, 0, count));
  }

  private static long covered(List<long[]> runs) {
    long covered = 0;
    for (long[] run : runs) {
      covered += run[1] - run[0];
    }
    return covered;
  }

  /**
   * The strictly ascending runs ({@code [start, end)}) of at least {@link #MIN_RUN} pairs, or null
   * when there are more than {@link #MAX_RUNS} of them or more than {@link #MAX_LEFTOVERS} pairs
   * outside them.
   */
  static List<long[]> longRunsOrNull(LongArray ids, long count) {
    List<long[]> runs = new ArrayList<>();
    long leftovers = 0;
    long start = 0;
    long previous = 0;
    for (long i = 0; i <= count; i++) {
      long id = i < count ? ids.get(i) : 0;
      if (i == count || (i > start && Long.compareUnsigned(id, previous) <= 0)) {
        if (i - start >= MIN_RUN) {
          if (runs.size() == MAX_RUNS) {
            return null;
          }
          runs.add(new long[] {start, i});
        } else {
          leftovers += i - start;
          if (leftovers > MAX_LEFTOVERS) {
            return null;
          }
        }
        start = i;
      }
      previous = id;
    }
    return runs;
  }

  /** The positions in [0, count) outside the runs, in stable ascending (unsigned) id order. */
  private static int[] leftovers(LongArray ids, List<long[]> runs, long count) {
    int[] positions = new int[Math.toIntExact(count - covered(runs))];
    long[] keys = new long[positions.length];
    int size = 0;
    long next = 0;
    for (int r = 0; r <= runs.size(); r++) {
      long until = r < runs.size() ? runs.get(r)[0] : count;
      for (long i = next; i < until; i++) {
        positions[size] = (int) i;
        keys[size++] = ids.get(i);
      }
      if (r < runs.size()) {
        next = runs.get(r)[1];
      }
    }
    int[] order = new int[size];
    for (int i = 0; i < size; i++) {
      order[i] = i;
    }
    IntArrays.mergeSort(order, (a, b) -> Long.compareUnsigned(keys[a], keys[b]));
    int[] sorted = new int[size];
    for (int i = 0; i < size; i++) {
      sorted[i] = positions[order[i]];
    }
    return sorted;
  }

  /**
   * A k-way merge over a binary heap of sources: the runs, and the sorted leftover positions as
   * one more source. A source is ordered before another by its head's id, then its head's
   * position in the file order.
   */
  private static final class Merge {
    private final int[] leftovers;
    private final int sourceCount;
    /** Per source: the arrays it reads, and the position of their first pair. */
    private final LongArray[] sourceIds;
    private final LongArray[] sourceOffsets;
    private final long[] sourceBase;
    /** Per source: the next index into the run (or into leftovers, for the last source). */
    private final long[] next;
    private final long[] end;
    private final long[] headId;
    private final long[] headPosition;
    private final int[] heap;
    private int heapSize;

    Merge(LongArray ids, LongArray offsets, List<Piece> pieces, List<long[]> runs, int[] leftovers) {
      this.leftovers = leftovers;
      this.sourceCount = runs.size() + 1;
      sourceIds = new LongArray[sourceCount];
      sourceOffsets = new LongArray[sourceCount];
      sourceBase = new long[sourceCount];
      for (int s = 0; s < runs.size(); s++) {
        for (Piece piece : pieces) {
          if (runs.get(s)[0] >= piece.base() && runs.get(s)[1] <= piece.base() + piece.count()) {
            sourceIds[s] = piece.ids();
            sourceOffsets[s] = piece.offsets();
            sourceBase[s] = piece.base();
          }
        }
      }
      sourceIds[sourceCount - 1] = ids;
      sourceOffsets[sourceCount - 1] = offsets;
      next = new long[sourceCount];
      end = new long[sourceCount];
      headId = new long[sourceCount];
      headPosition = new long[sourceCount];
      heap = new int[sourceCount];
      for (int s = 0; s < runs.size(); s++) {
        next[s] = runs.get(s)[0];
        end[s] = runs.get(s)[1];
      }
      end[sourceCount - 1] = leftovers.length;
      for (int s = 0; s < sourceCount; s++) {
        if (advance(s)) {
          heap[heapSize] = s;
          siftUp(heapSize++);
        }
      }
    }

    /** Loads the next head of source {@code s}; false when it is used up. */
    private boolean advance(int s) {
      long index = next[s];
      if (index >= end[s]) {
        return false;
      }
      long position = s == sourceCount - 1 ? leftovers[(int) index] : index;
      next[s] = index + 1;
      headPosition[s] = position;
      headId[s] = sourceIds[s].get(position - sourceBase[s]);
      return true;
    }

    long into(LongArray sortedIds, LongArray sortedOffsets, DuplicateHandler duplicates) throws HprofFormatException {
      long kept = 0;
      long last = 0;
      // While the root's source stays the smallest, its children (and so the runner-up) stay.
      int runnerUp = -1;
      while (heapSize > 0) {
        int s = heap[0];
        long id = headId[s];
        long offset = sourceOffsets[s].get(headPosition[s] - sourceBase[s]);
        if (kept > 0 && id == last) {
          duplicates.duplicate(id, offset);
        } else {
          sortedIds.set(kept, id);
          sortedOffsets.set(kept, offset);
          kept++;
          last = id;
        }
        if (!advance(s)) {
          heap[0] = heap[--heapSize];
          siftDown(0);
          runnerUp = -1;
          continue;
        }
        if (runnerUp < 0 && heapSize > 1) {
          runnerUp = heapSize > 2 && before(heap[2], heap[1]) ? heap[2] : heap[1];
        }
        if (runnerUp >= 0 && !before(s, runnerUp)) {
          siftDown(0);
          runnerUp = -1;
        }
      }
      return kept;
    }

    private boolean before(int a, int b) {
      int order = Long.compareUnsigned(headId[a], headId[b]);
      return order < 0 || (order == 0 && headPosition[a] < headPosition[b]);
    }

    private void siftUp(int slot) {
      int s = heap[slot];
      while (slot > 0) {
        int parent = (slot - 1) >>> 1;
        if (!before(s, heap[parent])) {
          break;
        }
        heap[slot] = heap[parent];
        slot = parent;
      }
      heap[slot] = s;
    }

    private void siftDown(int slot) {
      if (heapSize == 0) {
        return;
      }
      int s = heap[slot];
      while (true) {
        int child = 2 * slot + 1;
        if (child >= heapSize) {
          break;
        }
        if (child + 1 < heapSize && before(heap[child + 1], heap[child])) {
          child++;
        }
        if (!before(heap[child], s)) {
          break;
        }
        heap[slot] = heap[child];
        slot = child;
      }
      heap[slot] = s;
    }
  }
}
