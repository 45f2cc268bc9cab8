package org.hpq.equivalence.internal;

import org.hpq.equivalence.Heap;

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
    org.hpq.hprof.graph.Csr inbound = heap.dump().inbound();
    // Edges into an object are sorted by referrer: one key for a run of edges from one referrer.
    return new EdgeCoder() {
      private int lastReferrer = -1;
      private long lastKey;

      @Override
      public long code(long position) {
        int referrer = inbound.neighbour(position);
        if (referrer != lastReferrer) {
          lastReferrer = referrer;
          lastKey = keys.key(referrer);
        }
        return lastKey;
      }
    };
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
