package org.hpq.hprof.internal;

import it.unimi.dsi.fastutil.ints.IntArrayList;
import it.unimi.dsi.fastutil.longs.LongArrayList;
import java.util.Arrays;
import java.util.function.LongUnaryOperator;
import org.hpq.hprof.store.IntArray;

/**
 * The outbound edges' label codes ({@link Labels}) while an index is built, kept for the inversion
 * that writes {@code in.labels}: in 2 bytes an edge ({@link #narrow}) when the label table is small
 * enough, else as the codes themselves. On the benchmark dump the narrow form takes 250 MB of
 * scratch where the codes took 499 MB.
 *
 * <p>Narrow, the value stored for an edge is
 *
 * <ul>
 *   <li>a text code (negative) from -32767 on: the code itself;
 *   <li>an array slot: the slots skipped since the source's previous slot edge (the slot less the
 *       previous one less 1; at the source's first slot edge, the slot itself), when that is at
 *       most 32767;
 *   <li>{@link #ESCAPE} otherwise, the code itself kept aside, by position.
 * </ul>
 *
 * So a slot is known only by reading its source's edges in order ({@link Decoder}), as the
 * inversion does. Escapes are few: a slot escapes only past a run of 32,767 slots (null ones, or at
 * the start), at most one for each 32,767 slots of the dump; a text code only beyond the 32,767th
 * text, and the build chooses the narrow form only when the instance fields' texts all come
 * before that ({@link #NARROW_TEXTS}), so only the class objects' edges (statics, and the like) can
 * have such codes.
 */
final class OutLabels implements AutoCloseable {
  /** The stored value of an escaped code. */
  static final int ESCAPE = Short.MIN_VALUE;
  /** The narrow form is used when the label table has at most this many texts before the edges are read. */
  static final int NARROW_TEXTS = Short.MAX_VALUE;

  private final IntArray stored;
  private final boolean narrow;
  /** The escaped edges' positions, ascending, and their codes. */
  private long[] escapePositions;
  private int[] escapeCodes;

  private OutLabels(IntArray stored, boolean narrow, long[] escapePositions, int[] escapeCodes) {
    this.stored = stored;
    this.narrow = narrow;
    this.escapePositions = escapePositions;
    this.escapeCodes = escapeCodes;
  }

  /** Labels stored as their codes in {@code codes}. */
  static OutLabels wide(IntArray codes) {
    return new OutLabels(codes, false, new long[0], new int[0]);
  }

  /** The stored values, by position: codes, or in the narrow form what the class comment says. */
  IntArray stored() {
    return stored;
  }

  /** How many codes are kept aside. */
  int escapeCount() {
    return escapePositions.length;
  }

  /** The text code (negative) of the edge at {@code position}, or 0 if its label is an array slot. */
  int text(long position) {
    int value = stored.get(position);
    if (narrow && value == ESCAPE) {
      value = escape(position);
    }
    return Math.min(value, 0);
  }

  /**
   * Stores text code {@code code} (negative) for the edge at {@code position}; only where no code
   * is kept aside yet, as for an edge {@link EdgeSplicer} inserts.
   */
  void setText(long position, int code) {
    if (code >= 0) {
      throw new IllegalArgumentException("not a text code: " + code);
    }
    if (!narrow || code >= -Short.MAX_VALUE) {
      stored.set(position, code);
      return;
    }
    stored.set(position, ESCAPE);
    int at = -1 - Arrays.binarySearch(escapePositions, position);
    if (at < 0) {
      throw new IllegalStateException("a code is kept aside for position " + position + " already");
    }
    escapePositions = insert(escapePositions, at, position);
    escapeCodes = insert(escapeCodes, at, code);
  }

  /**
   * Moves the codes kept aside as the edges moved: the edge at {@code p} is now at {@code
   * moved.applyAsLong(p)}, which must keep the order of the positions.
   */
  void moveEscapes(LongUnaryOperator moved) {
    for (int k = 0; k < escapePositions.length; k++) {
      escapePositions[k] = moved.applyAsLong(escapePositions[k]);
    }
  }

  /** A reader of the codes in position order, from position 0. */
  Decoder decoder() {
    return new Decoder(narrow, escapePositions, escapeCodes);
  }

  private int escape(long position) {
    int at = Arrays.binarySearch(escapePositions, position);
    if (at < 0) {
      throw new IllegalStateException("no code kept aside for position " + position);
    }
    return escapeCodes[at];
  }

  @Override
  public void close() {
    stored.close();
  }

  private static long[] insert(long[] values, int at, long value) {
    long[] longer = Arrays.copyOf(values, values.length + 1);
    System.arraycopy(values, at, longer, at + 1, values.length - at);
    longer[at] = value;
    return longer;
  }

  private static int[] insert(int[] values, int at, int value) {
    int[] longer = Arrays.copyOf(values, values.length + 1);
    System.arraycopy(values, at, longer, at + 1, values.length - at);
    longer[at] = value;
    return longer;
  }

  /**
   * Turns the codes of a sink's edges into stored values, source after source in position order,
   * keeping the escaped ones aside.
   */
  static final class Encoder {
    private final boolean narrow;
    private final LongArrayList escapePositions = new LongArrayList();
    private final IntArrayList escapeCodes = new IntArrayList();
    private int previousSlot = -1;

    Encoder(boolean narrow) {
      this.narrow = narrow;
    }

    boolean narrow() {
      return narrow;
    }

    /** Starts the next source's edges. */
    void startSource() {
      previousSlot = -1;
    }

    /** The value to store for {@code code} at {@code position}, the next edge of the source. */
    int encode(long position, int code) {
      if (!narrow) {
        return code;
      }
      if (code >= 0) {
        int skipped = code - previousSlot - 1;
        previousSlot = code;
        if (skipped >= 0 && skipped <= Short.MAX_VALUE) {
          return skipped;
        }
      } else if (code >= -Short.MAX_VALUE) {
        return code;
      }
      escapePositions.add(position);
      escapeCodes.add(code);
      return ESCAPE;
    }

    /** How many codes this encoder kept aside so far. */
    int escapeCount() {
      return escapePositions.size();
    }

    /**
     * Adds to this encoder's escapes those of {@code other} kept for positions {@code from ..
     * from + length - 1}, moved by {@code shift}; they must come after this encoder's.
     */
    void takeEscapes(Encoder other, long from, long length, long shift) {
      LongArrayList positions = other.escapePositions;
      // The positions are distinct: the insertion point of an absent one is the first above it.
      int found = Arrays.binarySearch(positions.elements(), 0, positions.size(), from);
      int first = found >= 0 ? found : -1 - found;
      for (int k = first; k < positions.size() && positions.getLong(k) < from + length; k++) {
        long moved = positions.getLong(k) + shift;
        if (!escapePositions.isEmpty() && escapePositions.getLong(escapePositions.size() - 1) >= moved) {
          throw new IllegalStateException("escapes out of order at position " + moved);
        }
        escapePositions.add(moved);
        escapeCodes.add(other.escapeCodes.getInt(k));
      }
    }

    /** The labels of {@code stored}, whose values this encoder made. */
    OutLabels labels(IntArray stored) {
      return new OutLabels(stored, narrow, escapePositions.toLongArray(), escapeCodes.toIntArray());
    }
  }

  /** Reads codes in position order, source after source, as {@link Encoder} stored them. */
  static final class Decoder {
    private final boolean narrow;
    private final long[] escapePositions;
    private final int[] escapeCodes;
    private int previousSlot = -1;
    private int nextEscape;

    private Decoder(boolean narrow, long[] escapePositions, int[] escapeCodes) {
      this.narrow = narrow;
      this.escapePositions = escapePositions;
      this.escapeCodes = escapeCodes;
    }

    /** Starts the next source's edges. */
    void startSource() {
      previousSlot = -1;
    }

    /** The code of the edge at {@code position}, the next of the source, stored as {@code value}. */
    int decode(long position, int value) {
      if (!narrow) {
        return value;
      }
      if (value >= 0) {
        return previousSlot += 1 + value;
      }
      if (value != ESCAPE) {
        return value;
      }
      while (nextEscape < escapePositions.length && escapePositions[nextEscape] < position) {
        nextEscape++;
      }
      if (nextEscape == escapePositions.length || escapePositions[nextEscape] != position) {
        throw new IllegalStateException("no code kept aside for position " + position);
      }
      int code = escapeCodes[nextEscape];
      if (code >= 0) {
        previousSlot = code;
      }
      return code;
    }
  }
}
