package org.hpq.shell.lang;

/**
 * How much room a rendering may use.
 *
 * @param width the terminal width in columns (at least 20)
 * @param maxRows the number of table rows to show before a "more" footer (at least 1)
 */
public record RenderOptions(int width, int maxRows) {
  /** 80 columns, 10 rows: heapy's layout. */
  public static final RenderOptions DEFAULT = new RenderOptions(80, 10);

  /** Clamps width to at least 20 and rows to at least 1. */
  public RenderOptions {
    width = Math.max(20, width);
    maxRows = Math.max(1, maxRows);
  }

  /** Returns options for a terminal of {@code width} columns (0 or less means unknown: 80). */
  public static RenderOptions forWidth(int width) {
    return new RenderOptions(width <= 0 ? DEFAULT.width() : width, DEFAULT.maxRows());
  }
}
