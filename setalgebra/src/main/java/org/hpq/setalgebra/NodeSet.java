package org.hpq.setalgebra;

import java.util.NoSuchElementException;
import java.util.Objects;
import java.util.PrimitiveIterator;
import java.util.Spliterator;
import java.util.Spliterators;
import java.util.function.IntConsumer;
import java.util.stream.IntStream;
import java.util.stream.StreamSupport;
import org.hpq.setalgebra.internal.NodeSetHashing;
import org.hpq.setalgebra.internal.NodeSetIterator;
import org.hpq.setalgebra.internal.NodeSetText;
import org.roaringbitmap.RoaringBitmap;
import org.roaringbitmap.RoaringBitmapWriter;

/**
 * An immutable set of object indexes: non-negative {@code int}s, as dense as the heap they index.
 *
 * <p>A compressed bitmap (Roaring) holds the members; it is never handed out, so an instance can
 * never change after it is built. Instances are therefore thread-safe and may be shared freely.
 * No operation modifies its receiver or its arguments: every operation that yields a set returns
 * a new one. The set algebra ({@link #and}, {@link #or}, {@link #andNot}, {@link #xor}, {@link
 * #complement(int)}) and the counting variants ({@link #andCardinality} ...) work container by
 * container, in time proportional to the compressed sizes, never member by member; sets of tens
 * of millions of members are normal.
 *
 * <p>Build with {@link #of}, {@link #range}, {@link #fromSorted} or a {@link Builder}.
 *
 * <pre>{@code
 * NodeSet strings = NodeSet.range(0, 1000);
 * NodeSet small = NodeSet.of(3, 5, 2000);
 * NodeSet both = strings.and(small);          // {3, 5}
 * long onlyStrings = strings.andNotCardinality(small); // 998, no set built
 * }</pre>
 */
public final class NodeSet {

  private static final NodeSet EMPTY = new NodeSet(new RoaringBitmap());

  /** Never modified after construction, never exposed. */
  private final RoaringBitmap bits;

  /** Cached {@link #hashCode()}; 0 means not computed yet (a benign race, as in String). */
  private int hash;

  private NodeSet(RoaringBitmap bits) {
    this.bits = bits;
  }

  /** Takes ownership of {@code bits}: the caller must not keep or modify it. */
  static NodeSet own(RoaringBitmap bits) {
    if (bits.isEmpty()) {
      return EMPTY;
    }
    bits.runOptimize();
    return new NodeSet(bits);
  }

  /** The internal bitmap, for the static operations of this package only: never modify it. */
  RoaringBitmap bits() {
    return bits;
  }

  /** The empty set. */
  public static NodeSet empty() {
    return EMPTY;
  }

  /**
   * A set of the given members, in any order, duplicates allowed. The array is not modified or
   * retained.
   *
   * @throws IllegalArgumentException if a member is negative
   */
  public static NodeSet of(int... members) {
    boolean ascending = true;
    for (int i = 0; i < members.length; i++) {
      requireMember(members[i]);
      ascending &= i == 0 || members[i - 1] < members[i];
    }
    // The unordered path sets up a large buffer: costly for the many small sets of a partition.
    return own(ascending ? RoaringBitmap.bitmapOf(members) : RoaringBitmap.bitmapOfUnordered(members));
  }

  /**
   * The members {@code from} (inclusive) to {@code to} (exclusive).
   *
   * @throws IllegalArgumentException if {@code from < 0} or {@code to < from}
   */
  public static NodeSet range(int from, int to) {
    requireRange(from, to);
    return own(RoaringBitmap.bitmapOfRange(from, to));
  }

  /**
   * A set of the members of an ascending stream (equal neighbours allowed), built in one pass
   * without sorting. The stream is consumed.
   *
   * @throws IllegalArgumentException if a member is negative or smaller than its predecessor
   */
  public static NodeSet fromSorted(IntStream ascending) {
    RoaringBitmapWriter<RoaringBitmap> writer = RoaringBitmapWriter.writer().runCompress(true).get();
    PrimitiveIterator.OfInt members = ascending.iterator();
    int previous = 0;
    while (members.hasNext()) {
      int member = members.nextInt();
      requireMember(member);
      if (member < previous) {
        throw new IllegalArgumentException(
            "not ascending: " + member + " after " + previous);
      }
      writer.add(member);
      previous = member;
    }
    return own(writer.get());
  }

  /**
   * A set holding the members of {@code bitmap}, which is copied, not retained or modified.
   *
   * @throws IllegalArgumentException if the bitmap holds a value that is negative as an int
   */
  public static NodeSet copyOf(RoaringBitmap bitmap) {
    if (!bitmap.isEmpty() && bitmap.last() < 0) {
      throw new IllegalArgumentException("negative member " + bitmap.last());
    }
    return own(bitmap.clone());
  }

  /** A new, empty builder. */
  public static Builder builder() {
    return new Builder();
  }

  // ---- algebra ----

  /** The members in both sets (intersection). */
  public NodeSet and(NodeSet other) {
    return NodeSets.and(this, other);
  }

  /** The members in either set (union). */
  public NodeSet or(NodeSet other) {
    return NodeSets.or(this, other);
  }

  /** The members of this set that are not in {@code other} (difference). */
  public NodeSet andNot(NodeSet other) {
    return NodeSets.andNot(this, other);
  }

  /** The members in exactly one of the sets (symmetric difference). */
  public NodeSet xor(NodeSet other) {
    return NodeSets.xor(this, other);
  }

  /**
   * The members of {@code [0, universeSize)} that are not in this set. Members of this set at or
   * beyond {@code universeSize} are not in the result.
   *
   * @throws IllegalArgumentException if {@code universeSize < 0}
   */
  public NodeSet complement(int universeSize) {
    return NodeSets.complement(this, universeSize);
  }

  /** The members of {@code universe} that are not in this set: {@code universe.andNot(this)}. */
  public NodeSet complement(NodeSet universe) {
    return NodeSets.andNot(universe, this);
  }

  /** The first {@code maxCount} members (all of them if there are fewer). */
  public NodeSet head(int maxCount) {
    if (maxCount < 0) {
      throw new IllegalArgumentException("negative count " + maxCount);
    }
    return maxCount >= count() ? this : own(bits.limit(maxCount));
  }

  // ---- counting without building ----

  /** {@code and(other).count()}, without building the intersection. */
  public long andCardinality(NodeSet other) {
    return NodeSets.andCardinality(this, other);
  }

  /** {@code or(other).count()}, without building the union. */
  public long orCardinality(NodeSet other) {
    return NodeSets.orCardinality(this, other);
  }

  /** {@code andNot(other).count()}, without building the difference. */
  public long andNotCardinality(NodeSet other) {
    return NodeSets.andNotCardinality(this, other);
  }

  /** {@code xor(other).count()}, without building the symmetric difference. */
  public long xorCardinality(NodeSet other) {
    return NodeSets.xorCardinality(this, other);
  }

  /** Whether the sets share a member; stops at the first shared one. */
  public boolean intersects(NodeSet other) {
    return RoaringBitmap.intersects(bits, other.bits);
  }

  // ---- tests ----

  /** Whether every member of this set is in {@code other} ({@code this <= other}). */
  public boolean isSubsetOf(NodeSet other) {
    return other.bits.contains(bits);
  }

  /** Whether this set is a subset of {@code other} and smaller ({@code this < other}). */
  public boolean isStrictSubsetOf(NodeSet other) {
    return count() < other.count() && isSubsetOf(other);
  }

  /** Whether {@code node} is a member; false for negative values. */
  public boolean contains(int node) {
    return node >= 0 && bits.contains(node);
  }

  /** Whether the set has no member. */
  public boolean isEmpty() {
    return bits.isEmpty();
  }

  /** The number of members. */
  public long count() {
    return bits.getLongCardinality();
  }

  // ---- positions ----

  /**
   * The smallest member.
   *
   * @throws NoSuchElementException if the set is empty
   */
  public int first() {
    requireNonEmpty();
    return bits.first();
  }

  /**
   * The largest member.
   *
   * @throws NoSuchElementException if the set is empty
   */
  public int last() {
    requireNonEmpty();
    return bits.last();
  }

  /** The smallest member {@code >= from}, or -1 if there is none. */
  public int nextMember(int from) {
    return (int) bits.nextValue(Math.max(0, from));
  }

  /** The number of members {@code <= node} (0 when {@code node} is negative). */
  public long rank(int node) {
    return node < 0 ? 0 : bits.rankLong(node);
  }

  /**
   * The member at position {@code index} in ascending order, counting from 0; {@code
   * rank(select(i)) == i + 1}.
   *
   * @throws IndexOutOfBoundsException if {@code index < 0} or {@code index >= count()}
   */
  public int select(long index) {
    Objects.checkIndex(index, count());
    return bits.select((int) index);
  }

  // ---- iteration ----

  /** An iterator over the members in ascending order. */
  public PrimitiveIterator.OfInt iterator() {
    return new NodeSetIterator(bits.getIntIterator());
  }

  /** Calls {@code action} with each member in ascending order. */
  public void forEach(IntConsumer action) {
    Objects.requireNonNull(action);
    bits.forEach((org.roaringbitmap.IntConsumer) action::accept);
  }

  /** The members as a sequential, ascending, sized stream. */
  public IntStream stream() {
    int characteristics =
        Spliterator.ORDERED
            | Spliterator.SORTED
            | Spliterator.DISTINCT
            | Spliterator.NONNULL
            | Spliterator.IMMUTABLE;
    return StreamSupport.intStream(
        Spliterators.spliterator(iterator(), count(), characteristics), false);
  }

  /**
   * The members in ascending order, in a new array; meant for small sets.
   *
   * @throws IllegalStateException if the set has more members than an array can hold
   */
  public int[] toArray() {
    if (count() > Integer.MAX_VALUE - 8) {
      throw new IllegalStateException("too many members for an array: " + count());
    }
    return bits.toArray();
  }

  /** A new, mutable copy of the members, for interoperation; changing it does not change this. */
  public RoaringBitmap toRoaringBitmap() {
    return bits.clone();
  }

  /** An estimate of the memory the members take, in bytes. */
  public long sizeInBytes() {
    return bits.getLongSizeInBytes();
  }

  // ---- Object ----

  /** Two node sets are equal when they have the same members. */
  @Override
  public boolean equals(Object other) {
    return this == other || (other instanceof NodeSet that && bits.equals(that.bits));
  }

  /** Depends on the members only, not on how they are stored; cached after the first call. */
  @Override
  public int hashCode() {
    int result = hash;
    if (result == 0) {
      result = NodeSetHashing.hash(bits);
      hash = result;
    }
    return result;
  }

  /** The members as ascending runs, elided after a few: {@code {0..9, 15, 20..29}}. */
  @Override
  public String toString() {
    return NodeSetText.render(bits.getIntIterator(), count());
  }

  // ---- checks ----

  private void requireNonEmpty() {
    if (bits.isEmpty()) {
      throw new NoSuchElementException("empty node set");
    }
  }

  static void requireMember(int member) {
    if (member < 0) {
      throw new IllegalArgumentException("negative node index " + member);
    }
  }

  static void requireRange(int from, int to) {
    if (from < 0 || to < from) {
      throw new IllegalArgumentException("bad range [" + from + ", " + to + ")");
    }
  }

  /**
   * Collects members in any order, then builds a {@link NodeSet}. Building is the only mutable
   * step of the set algebra. A builder is not thread-safe; {@link #build()} leaves it empty and
   * ready for reuse. Ascending additions are the fastest.
   */
  public static final class Builder {
    private static final int BUFFER_SIZE = 4096;

    private RoaringBitmap bits = new RoaringBitmap();
    private final int[] buffer = new int[BUFFER_SIZE];
    private int buffered;

    private Builder() {}

    /**
     * Adds one member.
     *
     * @throws IllegalArgumentException if {@code node} is negative
     */
    public Builder add(int node) {
      requireMember(node);
      if (buffered == BUFFER_SIZE) {
        flush();
      }
      buffer[buffered++] = node;
      return this;
    }

    /**
     * Adds the members {@code from} (inclusive) to {@code to} (exclusive).
     *
     * @throws IllegalArgumentException if {@code from < 0} or {@code to < from}
     */
    public Builder addRange(int from, int to) {
      requireRange(from, to);
      flush();
      bits.add((long) from, (long) to);
      return this;
    }

    /** Adds every member of {@code set}. */
    public Builder addAll(NodeSet set) {
      flush();
      bits.or(set.bits);
      return this;
    }

    /** The set of everything added since creation or the last build; empties the builder. */
    public NodeSet build() {
      flush();
      RoaringBitmap built = bits;
      bits = new RoaringBitmap();
      built.trim();
      return own(built);
    }

    private void flush() {
      // addN groups consecutive members of the same 64Ki block, so sorted input is cheap.
      bits.addN(buffer, 0, buffered);
      buffered = 0;
    }
  }
}
