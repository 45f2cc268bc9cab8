package org.hpq.hprof.realdumps;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeSet;

/**
 * The classes whose reader tally differs from the histogram's, one row each.
 *
 * @param rows the differing classes, by name
 */
record HistogramDiff(List<Row> rows) {

  /**
   * One differing class.
   *
   * @param name the Java class name
   * @param reader what the reader counted
   * @param histogram what the VM counted
   */
  record Row(String name, Tally reader, Tally histogram) {
    long missingInstances() {
      return histogram.instances() - reader.instances();
    }

    long missingBytes() {
      return histogram.bytes() - reader.bytes();
    }
  }

  /** Rows for every class whose instances or bytes differ. */
  static HistogramDiff compare(Map<String, Tally> reader, Map<String, Tally> histogram) {
    List<Row> rows = new ArrayList<>();
    TreeSet<String> names = new TreeSet<>(reader.keySet());
    names.addAll(histogram.keySet());
    for (String name : names) {
      Tally mine = ClassTallies.get(reader, name);
      Tally theirs = ClassTallies.get(histogram, name);
      if (!mine.equals(theirs)) {
        rows.add(new Row(name, mine, theirs));
      }
    }
    return new HistogramDiff(List.copyOf(rows));
  }

  /** Rows whose instance counts differ (bytes may differ elsewhere). */
  List<Row> countRows() {
    return rows.stream().filter(row -> row.missingInstances() != 0).toList();
  }

  /** A table for failure messages: name, reader, histogram. */
  String table() {
    StringBuilder text = new StringBuilder();
    for (Row row : rows) {
      text.append(String.format("%-70s reader %7d %9d | jcmd %7d %9d%n", row.name(),
          row.reader().instances(), row.reader().bytes(), row.histogram().instances(), row.histogram().bytes()));
    }
    return text.toString();
  }
}
