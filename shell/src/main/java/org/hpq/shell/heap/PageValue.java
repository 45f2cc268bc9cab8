package org.hpq.shell.heap;

import com.fasterxml.jackson.core.JsonGenerator;
import java.io.IOException;
import org.hpq.equivalence.Page;
import org.hpq.equivalence.json.JsonValues;
import org.hpq.shell.lang.RenderOptions;
import org.hpq.shell.lang.ShellType;
import org.hpq.shell.lang.ShellValue;

/**
 * A page of a table (a partition, {@code stat}, {@code diff}, {@code rp}, {@code sp}, {@code
 * pathsin}): {@code .more} gives the next page, {@code .all} every row. A {@code .more} page past
 * the last row shows one line saying so ({@link org.hpq.equivalence.Pageable#endLineOrNull}).
 */
public record PageValue(Page page) implements ShellValue {
  static final ShellType<PageValue> TYPE =
      ShellType.builder("Table", PageValue.class)
          .summary("a page of a table; .more shows the next rows, .all every row")
          .property("more", "the next rows", self -> new PageValue(self.page.more()))
          .property("all", "every row", self -> new PageValue(Page.all(self.page.source())))
          .build();

  @Override
  public ShellType<PageValue> type() {
    return TYPE;
  }

  @Override
  public String repr() {
    return render(RenderOptions.DEFAULT);
  }

  @Override
  public String render(RenderOptions options) {
    String end = page.source().endLineOrNull(page.start());
    return end != null ? end : Text.strip(page.render(options.width()));
  }

  @Override
  public void writeJson(JsonGenerator generator) throws IOException {
    JsonValues.write(generator, page, -1);
  }
}
