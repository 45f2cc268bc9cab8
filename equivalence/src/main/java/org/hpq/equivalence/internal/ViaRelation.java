package org.hpq.equivalence.internal;

import org.hpq.equivalence.Heap;
import org.hpq.hprof.HeapDump;

/**
 * The labels of an object's incoming edges: {@code .field}, {@code [i]}, {@code Owner.field} for
 * statics, {@code <class>} and the like for implicit links, {@code <root: KIND>} for roots.
 */
public final class ViaRelation extends ReferrerLabelRelation {
  public ViaRelation(Heap heap) {
    super(heap, "Via");
  }

  @Override
  public String name() {
    return "via";
  }

  @Override
  public String header() {
    return "Referred Via:";
  }

  @Override
  long edgeCode(int node, long position) {
    return heap.dump().inboundLabel(position);
  }

  @Override
  EdgeCoder edgeCoder() {
    HeapDump dump = heap.dump();
    // The labels of a span's inbound edges are read in one copy, unless the span has very many.
    return new EdgeCoder() {
      private final int[] chunk = new int[1 << 12];
      private int[] labels = new int[0];
      private long labelsFrom;
      private long labelsTo;

      @Override
      public void prepare(int first, int last, long from, long to) {
        labelsFrom = from;
        labelsTo = from;
        long count = to - from;
        if (count > MAX_BULK_LABELS) {
          return;
        }
        if (labels.length < count) {
          labels = new int[(int) Math.max(count, labels.length * 2L)];
        }
        dump.inboundLabels(from, labels, 0, (int) count);
        labelsTo = to;
      }

      @Override
      public void codes(long from, int count, long[] into) {
        if (from >= labelsFrom && from + count <= labelsTo) {
          for (int i = 0; i < count; i++) {
            into[i] = labels[(int) (from - labelsFrom) + i];
          }
          return;
        }
        for (int done = 0; done < count; done += chunk.length) {
          int piece = Math.min(chunk.length, count - done);
          dump.inboundLabels(from + done, chunk, 0, piece);
          for (int i = 0; i < piece; i++) {
            into[done + i] = chunk[i];
          }
        }
      }

      @Override
      public long code(long position) {
        if (position >= labelsFrom && position < labelsTo) {
          return labels[(int) (position - labelsFrom)];
        }
        return dump.inboundLabel(position);
      }
    };
  }

  /** Spans with more inbound edges than this read their labels one at a time. */
  private static final int MAX_BULK_LABELS = 1 << 20;

  @Override
  String codeText(long code) {
    return heap.dump().labelText((int) code);
  }

  @Override
  long codeOf(String text) {
    if (text.startsWith("[") && text.endsWith("]")) {
      try {
        return Integer.parseInt(text.substring(1, text.length() - 1));
      } catch (NumberFormatException e) {
        throw new IllegalArgumentException("not an array slot: " + text);
      }
    }
    int index = heap.dump().labelTexts().indexOf(text);
    // A label that never occurs in the dump still names a class: an empty one.
    return index >= 0 ? -1L - index : Long.MIN_VALUE + Math.abs((long) text.hashCode());
  }
}
