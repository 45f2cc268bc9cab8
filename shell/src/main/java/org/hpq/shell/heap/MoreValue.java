package org.hpq.shell.heap;

import org.hpq.equivalence.ObjectSet;
import org.hpq.equivalence.text.PartitionText;
import org.hpq.shell.lang.RenderOptions;
import org.hpq.shell.lang.ShellType;

/** A page of a set's table from a row on; {@code .more} gives the next page. */
public record MoreValue(ObjectSet set, int start, int rows) implements org.hpq.shell.lang.ShellValue {
  static final ShellType<MoreValue> TYPE =
      ShellType.builder("More", MoreValue.class)
          .summary("a page of a table; .more shows the next one")
          .property("more", "the next rows", self -> new MoreValue(self.set, self.start + Math.max(self.pageRows(), 10), 10))
          .property("all", "every row", self -> new MoreValue(self.set, 0, -1))
          .build();

  MoreValue(ObjectSet set, int start) {
    this(set, start, 10);
  }

  private int pageRows() {
    return rows < 0 ? Integer.MAX_VALUE / 2 : rows;
  }

  @Override
  public ShellType<MoreValue> type() {
    return TYPE;
  }

  @Override
  public String repr() {
    return render(RenderOptions.DEFAULT);
  }

  @Override
  public String render(RenderOptions options) {
    if (start >= set.rowCount() && rows >= 0) {
      return "<no more rows>";
    }
    int shown = rows < 0 ? -1 : Math.max(rows, options.maxRows());
    return SetValue.stripNewline(PartitionText.render(set.partition(), start, shown, options.width()));
  }
}
