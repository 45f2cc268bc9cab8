package org.hpq.equivalence.internal;

import org.hpq.hprof.HeapDump;
import org.hpq.hprof.graph.Csr;

/**
 * Labels of edges found by outbound position. Labels are stored with the inbound lists, which
 * keep each target's edges in the source order of the outbound lists, so the k-th edge from
 * {@code source} to {@code target} outbound is the k-th such edge inbound.
 */
public final class EdgeLabels {
  private EdgeLabels() {}

  /** The inbound position of the outbound edge at {@code position} of {@code source}. */
  public static long inboundPosition(HeapDump dump, int source, long position) {
    Csr outbound = dump.outbound();
    int target = outbound.neighbour(source, position);
    int occurrence = 0;
    for (long p = outbound.start(source); p < position; p++) {
      if (outbound.neighbour(source, p) == target) {
        occurrence++;
      }
    }
    // Inbound lists are sorted by source: find the first edge from source by binary search.
    Csr inbound = dump.inbound();
    long low = inbound.start(target);
    long high = inbound.end(target);
    while (low < high) {
      long middle = (low + high) >>> 1;
      if (inbound.neighbour(middle) < source) {
        low = middle + 1;
      } else {
        high = middle;
      }
    }
    long found = low + occurrence;
    return found < inbound.end(target) && inbound.neighbour(found) == source ? found : -1;
  }

  /** The label text of the outbound edge at {@code position} of {@code source}; {@code ??} if unknown. */
  public static String label(HeapDump dump, int source, long position) {
    long inboundPosition = inboundPosition(dump, source, position);
    return inboundPosition < 0 ? "??" : dump.labelText(dump.inboundLabel(inboundPosition));
  }

  /**
   * {@code chain} extended by one edge label: fields ({@code .name}) and slots ({@code [3]})
   * attach directly, other labels (statics, {@code <class>}) after {@code ->}.
   */
  public static void append(StringBuilder chain, String label) {
    if (!label.startsWith(".") && !label.startsWith("[")) {
      chain.append("->");
    }
    chain.append(label);
  }
}
