package org.hpq.equivalence.internal;

import it.unimi.dsi.fastutil.ints.Int2LongOpenHashMap;
import java.util.ArrayList;
import java.util.List;
import org.hpq.equivalence.Heap;
import org.hpq.equivalence.Relation;
import org.hpq.hprof.GcRoot;
import org.hpq.hprof.RootKind;

/** The kinds of GC root that hold an object directly; {@code <not a root>} for the rest. */
public final class RootRelation implements Relation {
  private final Int2LongOpenHashMap kinds = new Int2LongOpenHashMap();

  public RootRelation(Heap heap) {
    for (GcRoot root : heap.dump().roots()) {
      kinds.put(root.object(), kinds.get(root.object()) | (1L << root.kind().ordinal()));
    }
  }

  @Override
  public String name() {
    return "root";
  }

  @Override
  public String header() {
    return "GC Root Kind";
  }

  @Override
  public long key(int node) {
    return kinds.get(node);
  }

  @Override
  public String label(long key) {
    if (key == 0) {
      return "<not a root>";
    }
    List<String> names = new ArrayList<>();
    for (RootKind kind : RootKind.values()) {
      if ((key & (1L << kind.ordinal())) != 0) {
        names.add("<root: " + kind.label() + ">");
      }
    }
    return String.join(", ", names);
  }
}
