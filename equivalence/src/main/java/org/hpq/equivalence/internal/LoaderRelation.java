package org.hpq.equivalence.internal;

import org.hpq.equivalence.Heap;
import org.hpq.equivalence.Relation;
import org.hpq.hprof.JavaClass;

/** The class loader that defined an object's class: {@code <bootstrap>} or the loader object. */
public final class LoaderRelation implements Relation {
  private final Heap heap;

  public LoaderRelation(Heap heap) {
    this.heap = heap;
  }

  @Override
  public String name() {
    return "loader";
  }

  @Override
  public String header() {
    return "Class Loader";
  }

  @Override
  public long key(int node) {
    JavaClass javaClass = heap.dump().javaClassOrNull(node);
    return javaClass == null ? -1 : javaClass.loaderIndex();
  }

  @Override
  public String label(long key) {
    if (key < 0) {
      return "<bootstrap>";
    }
    int loader = (int) key;
    return heap.dump().typeName(loader) + String.format(" at 0x%x", heap.dump().id(loader));
  }
}
