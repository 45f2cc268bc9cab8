package org.hpq.equivalence;

import java.util.ArrayList;
import java.util.List;
import org.hpq.equivalence.text.PartitionText;

/**
 * heapy's {@code stat}: a partition's table detached from the heap (labels, counts, sizes), so
 * that it can be kept, compared with another dump's ({@link #diff}) and printed in the same
 * layout as the partition. Immutable.
 *
 * @param relation the relation's name ({@code clodo}, {@code type}, ...)
 * @param header the label column's header
 * @param count objects in the set
 * @param size their total shallow size in bytes
 * @param rows the rows in the partition's order
 */
public record Stat(String relation, String header, long count, long size, List<StatRow> rows) implements Pageable {

  /** Copies the rows. */
  public Stat {
    rows = List.copyOf(rows);
  }

  /** The table of {@code set} by its relation. */
  public static Stat of(ObjectSet set) {
    Partition partition = set.partition();
    List<StatRow> rows = new ArrayList<>(partition.rows().size());
    for (Row row : partition.rows()) {
      rows.add(new StatRow(row.label(), row.count(), row.size()));
    }
    Relation relation = set.relation();
    return new Stat(relation.name(), relation.header(), partition.count(), partition.size(), rows);
  }

  /** {@code this - other}: rows matched by label; see {@link Diff}. */
  public Diff diff(Stat other) {
    return Diff.of(this, other);
  }

  @Override
  public int rowCount() {
    return rows.size();
  }

  @Override
  public String render(int start, int maxRows, int width) {
    return PartitionText.render(count, size, header, rows, start, maxRows, width);
  }

  @Override
  public String toString() {
    return render(0, PAGE, Page.DEFAULT_WIDTH);
  }
}
