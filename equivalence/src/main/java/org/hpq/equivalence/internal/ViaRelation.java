package org.hpq.equivalence.internal;

import org.hpq.equivalence.Heap;

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
    return heap.dump()::inboundLabel;
  }

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
