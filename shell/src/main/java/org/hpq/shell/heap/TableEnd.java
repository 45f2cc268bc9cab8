package org.hpq.shell.heap;

import org.hpq.equivalence.Diff;
import org.hpq.equivalence.ObjectSet;
import org.hpq.equivalence.Page;
import org.hpq.equivalence.Pageable;
import org.hpq.equivalence.ReferenceChains;
import org.hpq.equivalence.ReferencePattern;
import org.hpq.equivalence.Stat;
import org.hpq.equivalence.Steps;

/**
 * What {@code _.more} shows past the last row of a table. heapy prints the column headings and no
 * row there, which looks like an empty table; hpq says in one line that the rows have ended, in
 * the words of the table's own footer ({@code <No more rows (405 in all).>}).
 */
final class TableEnd {
  private TableEnd() {}

  /**
   * The message for {@code page} if it is a following page ({@code more}) that starts after the
   * last row; null if it shows rows (or is a first page, which shows its headings even when the
   * table is empty). May compute the table's rows, as rendering the page would.
   */
  static String messageOrNull(Page page) {
    if (page.start() == 0) {
      return null;
    }
    Pageable source = page.source();
    int start = page.start();
    if (source instanceof ObjectSet set) {
      return past(start, set.rowCount(), "rows", "in all");
    }
    if (source instanceof Stat stat) {
      return past(start, stat.rows().size(), "rows", "in all");
    }
    if (source instanceof Diff diff) {
      return past(start, diff.rows().size(), "rows", "in all");
    }
    if (source instanceof Steps steps) {
      return past(start, steps.count(), "references", "in all");
    }
    if (source instanceof ReferenceChains chains) {
      // A set no root reaches keeps its "No path" text on every page.
      return chains.found() ? past(start, chains.chains().size(), "paths", "listed") : null;
    }
    if (source instanceof ReferencePattern pattern) {
      try {
        pattern.row(start);
        return null;
      } catch (IndexOutOfBoundsException pastTheEnd) {
        return past(start, pattern.rows().size(), "lines", "in all");
      }
    }
    return null;
  }

  private static String past(int start, int rowCount, String rows, String total) {
    return start < rowCount ? null : "<No more " + rows + " (" + rowCount + " " + total + ").>";
  }
}
