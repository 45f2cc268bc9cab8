package org.hpq.shell.heap;

/** The text of {@code hp.doc} and of the host part of {@code help()}. */
final class Overview {
  private Overview() {}

  /** {@code hp.doc}: a title, then {@link #BODY}. */
  static final String TEXT;

  /**
   * The vocabulary under a heading, for {@code help()} (which has its own title; the heading keeps
   * the first example's indentation, which the interpreter's strip() would otherwise remove).
   */
  static final String BODY =
      String.join(
          "\n",
          "Heap queries (hp is the open dump):",
          "  h = hp.heap()            every reachable object, as a table by class / owner",
          "  h.byrcs                  the same objects by the kinds of their referrers",
          "  h.byvia                  ... by the field or array slot they are referred through",
          "  h[0]                     row 0 of the table, as a set; h[0:3] rows 0 to 2",
          "  h[0].referrers.byclodo   who refers to row 0",
          "  h[0].domisize            bytes freed if row 0's objects were freed (retained size)",
          "  h[0].byid                row 0 object by object; h[0].byid[0].theone one object",
          "  h & hp.Type('java.lang.String')        filter by a kind; also hp.Clodo, Size, Rcs, Via, Id",
          "  hp.Via('.key').alt('<')  kinds relax with alt('<'), '<=', '>=', '>'",
          "  hp.setrelheap()          make the current heap the baseline: later hp.heap() leaves it out",
          "  _                        the last value; _.more shows the next rows of a table",
          "",
          "help(x) or x? documents any value and its attributes; TAB completes attributes and class names.");

  static {
    TEXT = "hpq: heap-set queries over a Java heap dump, in the style of heapy.\n\n" + BODY;
  }
}
