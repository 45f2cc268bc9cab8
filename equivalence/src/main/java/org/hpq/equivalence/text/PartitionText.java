package org.hpq.equivalence.text;

import java.util.AbstractList;
import java.util.List;
import org.hpq.equivalence.Partition;
import org.hpq.equivalence.Row;
import org.hpq.equivalence.StatRow;

/**
 * heapy's partition table:
 *
 * <pre>
 * Partition of a set of 1449133 objects. Total size = 102766644 bytes.
 *  Index  Count   %     Size   % Cumulative  % Kind (class / owner)
 *      0 985931  68 46300932  45  46300932  45 java.lang.String
 * &lt;54 more rows. Type e.g. '_.more' to view.&gt;
 * </pre>
 *
 * Row format {@code %6d %6d %3d %8d %3d %9d %3d LABEL}, columns widened when numbers need more
 * room (widths are computed over all rows, so every page lines up); percentages rounded; labels
 * longer than the room left wrap under the label column.
 */
public final class PartitionText {
  /** Rows shown before the {@code more} footer. */
  public static final int PAGE = 10;

  private PartitionText() {}

  /**
   * Renders rows {@code start} to {@code start + maxRows} (all when maxRows is negative), with the
   * footer when rows remain; {@code width} is the line width for wrapping labels.
   */
  public static String render(Partition partition, int start, int maxRows, int width) {
    List<Row> rows = partition.rows();
    List<StatRow> view =
        new AbstractList<>() {
          @Override
          public StatRow get(int index) {
            Row row = rows.get(index);
            return new StatRow(row.label(), row.count(), row.size());
          }

          @Override
          public int size() {
            return rows.size();
          }
        };
    return render(partition.count(), partition.size(), partition.relation().header(), view, start, maxRows, width);
  }

  /** The same table from detached rows (a {@code stat}). */
  public static String render(
      long count, long total, String header, List<StatRow> rows, int start, int maxRows, int width) {
    int end = maxRows < 0 ? rows.size() : (int) Math.min(rows.size(), (long) start + maxRows);
    int indexWidth = Math.max(6, digits(Math.max(0, rows.size() - 1)));
    long maxCount = 0;
    long maxSize = 0;
    for (StatRow row : rows) {
      maxCount = Math.max(maxCount, row.count());
      maxSize = Math.max(maxSize, row.size());
    }
    int countWidth = Math.max(6, digits(maxCount));
    int sizeWidth = Math.max(8, digits(maxSize));
    int cumulativeWidth = Math.max(9, digits(total));
    StringBuilder out = new StringBuilder();
    out.append("Partition of a set of ").append(count).append(count == 1 ? " object" : " objects")
        .append(". Total size = ").append(total).append(" bytes.\n");
    out.append(right("Index", indexWidth)).append(' ')
        .append(right("Count", countWidth)).append(' ')
        .append(right("%", 3)).append(' ')
        .append(right("Size", sizeWidth)).append(' ')
        .append(right("%", 3))
        .append(right("Cumulative", cumulativeWidth + 2))
        .append(right("%", 3)).append(' ')
        .append(header).append('\n');
    long cumulative = 0;
    for (int i = 0; i < start && i < rows.size(); i++) {
      cumulative += rows.get(i).size();
    }
    int labelColumn = indexWidth + countWidth + sizeWidth + cumulativeWidth + 3 * 3 + 7;
    for (int i = start; i < end; i++) {
      StatRow row = rows.get(i);
      cumulative += row.size();
      String prefix =
          String.format(
              "%" + indexWidth + "d %" + countWidth + "d %3d %" + sizeWidth + "d %3d %" + cumulativeWidth + "d %3d ",
              i, row.count(), percent(row.count(), count), row.size(), percent(row.size(), total), cumulative,
              percent(cumulative, total));
      out.append(prefix);
      appendWrapped(out, row.label(), labelColumn, width);
    }
    if (end < rows.size()) {
      out.append('<').append(rows.size() - end).append(" more rows. Type e.g. '_.more' to view.>\n");
    }
    return out.toString();
  }

  /**
   * Appends {@code label}, cut into pieces that fit from {@code column} to {@code width}: each
   * piece ends, in its second half, preferably after a space, else after a {@code .} or {@code
   * $} (so class names break at package dots), else at the width; continuation lines start
   * under the label column. With less than 20 columns of room the label is not cut.
   */
  public static void appendWrapped(StringBuilder out, String label, int column, int width) {
    int room = width - column;
    if (room < 20 || label.length() <= room) {
      out.append(label).append('\n');
      return;
    }
    int at = 0;
    boolean first = true;
    while (at < label.length()) {
      if (!first) {
        out.append(" ".repeat(column));
      }
      first = false;
      int end = Math.min(label.length(), at + room);
      if (end < label.length()) {
        end = breakBefore(label, at + room / 2, end);
      }
      out.append(label.substring(at, end).stripTrailing()).append('\n');
      at = end;
      while (at < label.length() && label.charAt(at) == ' ') {
        at++;
      }
    }
  }

  /** The last cut in {@code (from, to]} after a space, else after a dot or dollar, else {@code to}. */
  private static int breakBefore(String label, int from, int to) {
    for (int cut = to; cut > from; cut--) {
      if (label.charAt(cut - 1) == ' ') {
        return cut;
      }
    }
    for (int cut = to; cut > from; cut--) {
      char before = label.charAt(cut - 1);
      if (before == '.' || before == '$') {
        return cut;
      }
    }
    return to;
  }

  /** Rounded percentage of {@code part} in {@code whole}; 0 when whole is 0. */
  public static long percent(long part, long whole) {
    return whole == 0 ? 0 : Math.round(100.0 * part / whole);
  }

  static int digits(long value) {
    return Long.toString(value).length();
  }

  /** {@code text} right-aligned in {@code width} columns (never cut). */
  public static String right(String text, int width) {
    return text.length() >= width ? text : " ".repeat(width - text.length()) + text;
  }
}
