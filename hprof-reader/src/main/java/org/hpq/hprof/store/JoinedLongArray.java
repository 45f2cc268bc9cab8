package org.hpq.hprof.store;

/**
 * The first {@code split} values of one array followed by all of another, as one array; closing
 * it closes both.
 */
public final class JoinedLongArray implements LongArray {
  private final LongArray first;
  private final long split;
  private final LongArray second;

  public JoinedLongArray(LongArray first, long split, LongArray second) {
    if (split < 0 || split > first.size()) {
      throw new IllegalArgumentException("split " + split + " outside the first array's " + first.size());
    }
    this.first = first;
    this.split = split;
    this.second = second;
  }

  /** The array holding values [0, {@link #split}). */
  public LongArray first() {
    return first;
  }

  /** How many values come from {@link #first}. */
  public long split() {
    return split;
  }

  /** The array holding the values from {@link #split} on. */
  public LongArray second() {
    return second;
  }

  @Override
  public long size() {
    return split + second.size();
  }

  @Override
  public long get(long index) {
    return index < split ? first.get(index) : second.get(index - split);
  }

  @Override
  public void set(long index, long value) {
    if (index < split) {
      first.set(index, value);
    } else {
      second.set(index - split, value);
    }
  }

  @Override
  public void get(long index, long[] into, int offset, int count) {
    int head = (int) Math.max(0, Math.min(count, split - index));
    if (head > 0) {
      first.get(index, into, offset, head);
    }
    if (head < count) {
      second.get(index + head - split, into, offset + head, count - head);
    }
  }

  @Override
  public void set(long index, long[] from, int offset, int count) {
    int head = (int) Math.max(0, Math.min(count, split - index));
    if (head > 0) {
      first.set(index, from, offset, head);
    }
    if (head < count) {
      second.set(index + head - split, from, offset + head, count - head);
    }
  }

  @Override
  public void close() {
    first.close();
    second.close();
  }
}
