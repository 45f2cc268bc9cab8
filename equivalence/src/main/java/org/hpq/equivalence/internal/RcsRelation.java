package org.hpq.equivalence.internal;

import java.util.Arrays;
import org.hpq.equivalence.Heap;
import org.hpq.hprof.graph.Csr;

/**
 * Referrer classifiers: the set of clodo labels of an object's referrers, roots as {@code <root:
 * KIND>}, {@code <Nothing>} for an object no one refers to.
 */
public final class RcsRelation extends ReferrerLabelRelation {
  private final ClodoRelation clodo;

  public RcsRelation(Heap heap, ClodoRelation clodo) {
    super(heap, "Rcs");
    this.clodo = clodo;
  }

  @Override
  public String name() {
    return "rcs";
  }

  @Override
  public String header() {
    return "Referrers by Kind (class / owner)";
  }

  @Override
  long edgeCode(int node, long position) {
    return clodo.key(heap.dump().inbound().neighbour(position));
  }

  @Override
  EdgeCoder edgeCoder() {
    ClodoKeys keys = clodo.newKeys();
    Csr inbound = heap.dump().inbound();
    // Referrers lie near the objects they refer to: the keys of the objects of the span being
    // coded are computed together, in bulk; for others, one referrer often refers to several
    // objects in a row, so the keys of recent referrers are remembered by their low index bits.
    return new EdgeCoder() {
      private final int[] referrers = filled(REMEMBERED);
      private final long[] keysOf = new long[REMEMBERED];
      private long[] spanKeys = new long[0];
      private int spanFirst;
      private int spanLength;

      @Override
      public void prepare(int first, int last, long from, long to) {
        int length = last - first + 1;
        if (spanKeys.length < length) {
          spanKeys = new long[length];
        }
        keys.rangeKeys(first, length, spanKeys);
        spanFirst = first;
        spanLength = length;
      }

      private final int[] sources = new int[CHUNK];
      private final long[] chunkKeys = new long[CHUNK];

      /** The referrers of one object ascend: their keys are computed a chunk at a time. */
      @Override
      public void codes(long from, int count, long[] into) {
        for (int done = 0; done < count; done += CHUNK) {
          int piece = Math.min(CHUNK, count - done);
          inbound.neighbours().get(from + done, sources, 0, piece);
          keys.keys(sources, piece, chunkKeys);
          System.arraycopy(chunkKeys, 0, into, done, piece);
        }
      }

      @Override
      public long code(long position) {
        int referrer = inbound.neighbour(position);
        int at = referrer - spanFirst;
        if (at >= 0 && at < spanLength) {
          return spanKeys[at];
        }
        int slot = referrer & (REMEMBERED - 1);
        if (referrers[slot] != referrer) {
          referrers[slot] = referrer;
          keysOf[slot] = keys.key(referrer);
        }
        return keysOf[slot];
      }
    };
  }

  /** Referrers whose keys are computed together when an object has very many. */
  private static final int CHUNK = 1 << 12;

  /** How many referrers' keys a coder remembers (a power of two). */
  private static final int REMEMBERED = 1 << 12;

  private static int[] filled(int length) {
    int[] array = new int[length];
    Arrays.fill(array, -1);
    return array;
  }

  @Override
  String codeText(long code) {
    return clodo.label(code);
  }

  @Override
  long codeOf(String text) {
    int of = text.indexOf(" of ");
    if (text.endsWith(" (no owner)")) {
      return clodo.keyOf(text.substring(0, text.length() - " (no owner)".length()), "");
    }
    if (of > 0 && text.substring(0, of).endsWith("[]")) {
      return clodo.keyOf(text.substring(0, of), text.substring(of + 4));
    }
    return clodo.keyOf(text, null);
  }
}
