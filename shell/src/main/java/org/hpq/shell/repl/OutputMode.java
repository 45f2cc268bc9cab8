package org.hpq.shell.repl;

/** How values are printed. */
public enum OutputMode {
  /** The value's rendering, fitted to the terminal width. */
  TEXT,
  /** One JSON document per line (the value's {@code writeJson}). */
  JSON
}
