package org.hpq.equivalence;

/**
 * A value shown as a table whose rows come a page at a time ({@code more}, {@code all}):
 * partitions, {@code byid} sets, stats, differences, reference patterns.
 */
public interface Pageable {
  /** Rows per page, as heapy. */
  int PAGE = 10;

  /**
   * The text of rows {@code start} to {@code start + maxRows} (every row from {@code start} when
   * {@code maxRows} is negative), with the table's heading lines and, when rows remain, heapy's
   * footer; {@code width} is the line width for wrapping or cutting long labels.
   */
  String render(int start, int maxRows, int width);

  /** The first page ({@link #PAGE} rows). */
  default Page page() {
    return Page.of(this, 0);
  }

  /** {@code x.more}: the page after the first one. */
  default Page more() {
    return Page.of(this, PAGE);
  }

  /** {@code x.all}: every row. */
  default Page all() {
    return Page.all(this);
  }
}
