package org.hpq.equivalence.internal;

import java.util.Arrays;
import org.hpq.setalgebra.NodeSet;
import org.roaringbitmap.ArrayContainer;
import org.roaringbitmap.BitmapContainer;
import org.roaringbitmap.Container;
import org.roaringbitmap.RoaringBitmap;

/**
 * The members of one class during a partition pass, added in ascending order: a small int array
 * while the class is small (most classes of a partition by via or rcs are), else a bitmap built
 * one chunk of 2^16 object indexes at a time. A chunk's members are collected in an int array
 * (or, past {@value #SMALL} of them, as bits) and become one container of the bitmap when a
 * member of a later chunk arrives, without a per-member update of the bitmap. Not thread-safe.
 */
final class MemberList {
  /** Members of a small list, and of a chunk kept as an array: Roaring's array-container limit. */
  private static final int SMALL = 4096;

  private static final int CHUNK_BITS = 16;
  private static final int CHUNK_WORDS = 1 << (CHUNK_BITS - 6);

  /** The members of a small list, or of the current chunk of a large one: {@code count} of them. */
  private int[] pending = new int[4];
  private int count;
  /** The finished chunks of a large list; null while the list is small. */
  private RoaringBitmap bits;
  /** The current chunk's number (high bits of its members), -1 before the first. */
  private int chunk = -1;
  /** The current chunk's members as bits once more than {@value #SMALL}; null before. */
  private long[] words;
  private boolean inWords;
  private NodeSet built;

  static MemberList of(NodeSet members) {
    MemberList list = new MemberList();
    list.pending = null;
    list.built = members;
    return list;
  }

  void add(int node) {
    if (bits != null) {
      addLarge(node);
      return;
    }
    if (count == pending.length) {
      if (count == SMALL) {
        bits = new RoaringBitmap();
        bits.addN(pending, 0, count);
        count = 0;
        addLarge(node);
        return;
      }
      pending = Arrays.copyOf(pending, count * 2);
    }
    pending[count++] = node;
  }

  private void addLarge(int node) {
    int high = node >>> CHUNK_BITS;
    if (high != chunk) {
      finishChunk();
      chunk = high;
    }
    if (inWords) {
      words[(node & 0xFFFF) >>> 6] |= 1L << node;
      count++;
      return;
    }
    if (count == pending.length) {
      if (count == SMALL) {
        if (words == null) {
          words = new long[CHUNK_WORDS];
        }
        for (int i = 0; i < count; i++) {
          words[(pending[i] & 0xFFFF) >>> 6] |= 1L << pending[i];
        }
        inWords = true;
        words[(node & 0xFFFF) >>> 6] |= 1L << node;
        count++;
        return;
      }
      pending = Arrays.copyOf(pending, count * 2);
    }
    pending[count++] = node;
  }

  /** Moves the current chunk's members into {@link #bits}. */
  private void finishChunk() {
    if (count == 0) {
      return;
    }
    Container container;
    if (inWords) {
      container = new BitmapContainer(words.clone(), count);
      Arrays.fill(words, 0);
      inWords = false;
    } else {
      char[] low = new char[count];
      for (int i = 0; i < count; i++) {
        low[i] = (char) pending[i];
      }
      container = new ArrayContainer(count, low);
    }
    if (bits.isEmpty() || (bits.last() >>> CHUNK_BITS) < chunk) {
      bits.append((char) chunk, container);
    } else {
      // The members added while the list was small reach into this chunk.
      RoaringBitmap part = new RoaringBitmap();
      part.append((char) chunk, container);
      bits.or(part);
    }
    count = 0;
  }

  /** The members as a set; the list must not be added to afterwards. */
  NodeSet toSet() {
    if (built == null) {
      if (bits != null) {
        finishChunk();
        built = NodeSet.copyOf(bits);
      } else {
        built = NodeSet.of(Arrays.copyOf(pending, count));
      }
      bits = null;
      words = null;
      pending = null;
    }
    return built;
  }

  /** The union of two lists (either may be null), as a list holding a set. */
  static MemberList union(MemberList first, MemberList second) {
    if (first == null) {
      return second;
    }
    if (second == null) {
      return first;
    }
    return of(first.toSet().or(second.toSet()));
  }
}
