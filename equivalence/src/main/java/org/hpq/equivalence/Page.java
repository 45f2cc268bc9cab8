package org.hpq.equivalence;

import java.util.Objects;

/**
 * A page of a {@link Pageable}: it remembers where it starts, so {@code _.more} on it continues
 * with the next page. Immutable; rendering may compute (and is as thread-safe as the source).
 */
public final class Page {
  /** The default line width of {@link #toString}. */
  public static final int DEFAULT_WIDTH = 80;

  private final Pageable source;
  private final int start;
  private final int maxRows;

  private Page(Pageable source, int start, int maxRows) {
    this.source = Objects.requireNonNull(source);
    this.start = start;
    this.maxRows = maxRows;
  }

  /** The {@link Pageable#PAGE} rows of {@code source} from row {@code start}. */
  public static Page of(Pageable source, int start) {
    if (start < 0) {
      throw new IllegalArgumentException("negative start row " + start);
    }
    return new Page(source, start, Pageable.PAGE);
  }

  /** Every row of {@code source}. */
  public static Page all(Pageable source) {
    return new Page(source, 0, -1);
  }

  public Pageable source() {
    return source;
  }

  /** The first row shown. */
  public int start() {
    return start;
  }

  /** Rows shown at most; negative for all. */
  public int maxRows() {
    return maxRows;
  }

  /** The following page: {@code _.more}. After {@link #all} it is empty past the end. */
  public Page more() {
    return maxRows < 0 ? new Page(source, Integer.MAX_VALUE / 2, Pageable.PAGE) : of(source, start + maxRows);
  }

  /** The page's text at line width {@code width}. */
  public String render(int width) {
    return source.render(start, maxRows, width);
  }

  @Override
  public String toString() {
    return render(DEFAULT_WIDTH);
  }
}
