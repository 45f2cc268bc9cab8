package org.hpq.equivalence;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.hpq.equivalence.text.DiffText;

/**
 * heapy's {@code x.diff(y)}, that is {@code x.stat - y.by(x.er).stat}: for every label of either
 * table, A's count and size minus B's. Rows are matched by label text, so tables of two dumps
 * compare. Rows with no difference are left out; the rest are ordered by absolute size
 * difference, largest first, then by label. Immutable.
 *
 * @param a the first table (A)
 * @param b the second table (B)
 * @param rows the differences A - B
 */
public record Diff(Stat a, Stat b, List<StatRow> rows) implements Pageable {

  /** Copies the rows. */
  public Diff {
    rows = List.copyOf(rows);
  }

  /** The difference {@code a - b}. */
  public static Diff of(Stat a, Stat b) {
    Map<String, long[]> byLabel = new LinkedHashMap<>();
    for (StatRow row : a.rows()) {
      long[] totals = byLabel.computeIfAbsent(row.label(), label -> new long[2]);
      totals[0] += row.count();
      totals[1] += row.size();
    }
    for (StatRow row : b.rows()) {
      long[] totals = byLabel.computeIfAbsent(row.label(), label -> new long[2]);
      totals[0] -= row.count();
      totals[1] -= row.size();
    }
    List<StatRow> rows = new ArrayList<>();
    for (Map.Entry<String, long[]> entry : byLabel.entrySet()) {
      long[] totals = entry.getValue();
      if (totals[0] != 0 || totals[1] != 0) {
        rows.add(new StatRow(entry.getKey(), totals[0], totals[1]));
      }
    }
    rows.sort(
        Comparator.comparingLong((StatRow row) -> -Math.abs(row.size()))
            .thenComparing(StatRow::label));
    return new Diff(a, b, rows);
  }

  /** A's count minus B's. */
  public long count() {
    return a.count() - b.count();
  }

  /** A's size minus B's, in bytes. */
  public long size() {
    return a.size() - b.size();
  }

  @Override
  public int rowCount() {
    return rows.size();
  }

  @Override
  public String render(int start, int maxRows, int width) {
    return DiffText.render(this, start, maxRows, width);
  }

  @Override
  public String toString() {
    return render(0, PAGE, Page.DEFAULT_WIDTH);
  }
}
