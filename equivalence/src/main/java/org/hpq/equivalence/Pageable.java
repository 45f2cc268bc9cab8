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

  /** How many rows the table has (computing them if need be, as rendering would). */
  int rowCount();

  /** What the table's footer calls its rows: {@code rows}, {@code references}, {@code lines}. */
  default String rowNoun() {
    return "rows";
  }

  /**
   * The one line a following page that starts at {@code start}, past the last row, shows instead
   * of the table's headings, such as {@code <No more rows (405 in all).>}; null while rows remain,
   * and for the first page, which shows its headings even when the table is empty. heapy prints
   * the headings alone there, which looks like an empty table.
   */
  default String endLineOrNull(int start) {
    if (start == 0) {
      return null;
    }
    int rows = rowCount();
    return start < rows ? null : "<No more " + rowNoun() + " (" + rows + " in all).>";
  }

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
