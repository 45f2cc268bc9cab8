package org.hpq.setalgebra.internal;

import java.util.NoSuchElementException;
import java.util.PrimitiveIterator;
import org.roaringbitmap.IntIterator;

/** A {@link PrimitiveIterator.OfInt} over a Roaring iterator, ascending. Not API. */
public final class NodeSetIterator implements PrimitiveIterator.OfInt {
  private final IntIterator members;

  /** Wraps {@code members}, which must not be used elsewhere afterwards. */
  public NodeSetIterator(IntIterator members) {
    this.members = members;
  }

  @Override
  public boolean hasNext() {
    return members.hasNext();
  }

  @Override
  public int nextInt() {
    if (!members.hasNext()) {
      throw new NoSuchElementException();
    }
    return members.next();
  }
}
