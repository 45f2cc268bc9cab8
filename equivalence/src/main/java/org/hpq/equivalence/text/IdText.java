package org.hpq.equivalence.text;

import java.util.List;
import java.util.Locale;
import org.hpq.equivalence.Partition;
import org.hpq.equivalence.Row;
import org.hpq.equivalence.internal.Representations;
import org.hpq.equivalence.internal.Representations.Column;
import org.hpq.hprof.HeapDump;

/**
 * heapy's {@code byid} table:
 *
 * <pre>
 * Set of 22606 &lt;java.lang.String&gt; objects. Total size = 2049896 bytes.
 *  Index     Size   %   Cumulative  %   Representation (limited)
 *      0     7480   0.4      7480   0.4 'The class Bi... copy of S.\n'
 * &lt;22596 more rows. Type e.g. '_.more' to view.&gt;
 * </pre>
 *
 * Row format {@code %6d %8d %5.1f %9d %5.1f CELL} (wider when numbers need it). The last column
 * depends on the set's type (see {@link Representations}); {@code <mixed>} sets show a brief
 * of each object. Only the rows shown are read from the dump.
 */
public final class IdText {
  private IdText() {}

  /**
   * Renders rows {@code start} to {@code start + maxRows} (all when negative) of a partition by
   * identity; {@code typeName} is the members' single type, or null when they have several.
   */
  public static String render(HeapDump dump, Partition partition, String typeName, int start, int maxRows) {
    List<Row> rows = partition.rows();
    long count = partition.count();
    long total = partition.size();
    int end = maxRows < 0 ? rows.size() : (int) Math.min(rows.size(), (long) start + maxRows);
    Column column = rows.isEmpty() ? Column.ADDRESS : Representations.column(dump, typeName, (int) rows.get(0).key());
    int indexWidth = Math.max(6, PartitionText.digits(Math.max(0, rows.size() - 1)));
    int sizeWidth = Math.max(8, PartitionText.digits(rows.isEmpty() ? 0 : rows.get(0).size()));
    int cumulativeWidth = Math.max(9, PartitionText.digits(total));
    StringBuilder out = new StringBuilder();
    out.append("Set of ").append(count).append(" <").append(typeName == null ? "mixed" : typeName)
        .append(count == 1 ? "> object" : "> objects").append(". Total size = ").append(total).append(" bytes.\n");
    out.append(PartitionText.right("Index", indexWidth)).append(' ')
        .append(PartitionText.right("Size", sizeWidth)).append("   %   ")
        .append(PartitionText.right("Cumulative", cumulativeWidth + 1)).append("  %   ")
        .append(column.title()).append('\n');
    long cumulative = 0;
    for (int i = 0; i < start && i < rows.size(); i++) {
      cumulative += rows.get(i).size();
    }
    for (int i = start; i < end; i++) {
      Row row = rows.get(i);
      cumulative += row.size();
      out.append(
          String.format(
              Locale.ROOT,
              "%" + indexWidth + "d %" + sizeWidth + "d %5.1f %" + cumulativeWidth + "d %5.1f ",
              i, row.size(), percent(row.size(), total), cumulative, percent(cumulative, total)));
      out.append(Representations.cell(dump, (int) row.key(), column)).append('\n');
    }
    if (end < rows.size()) {
      out.append('<').append(rows.size() - end).append(" more rows. Type e.g. '_.more' to view.>\n");
    }
    return out.toString();
  }

  private static double percent(long part, long whole) {
    return whole == 0 ? 0 : 100.0 * part / whole;
  }
}
