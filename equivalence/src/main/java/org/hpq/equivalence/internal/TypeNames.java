package org.hpq.equivalence.internal;

import it.unimi.dsi.fastutil.ints.Int2IntOpenHashMap;
import org.hpq.hprof.HeapDump;

/** Dense ids for the type names of objects, cached per class object. Thread-safe. */
public final class TypeNames {
  private final HeapDump dump;
  private final Interner<String> names = new Interner<>();
  private final Int2IntOpenHashMap byClass = new Int2IntOpenHashMap();

  public TypeNames(HeapDump dump) {
    this.dump = dump;
    byClass.defaultReturnValue(-1);
  }

  /** The type id of {@code node}'s type ({@link HeapDump#typeName}). */
  public int typeId(int node) {
    int classIndex = dump.classIndex(node);
    if (classIndex < 0) {
      return names.id(dump.typeName(node));
    }
    synchronized (byClass) {
      int id = byClass.get(classIndex);
      if (id >= 0) {
        return id;
      }
    }
    int id = names.id(dump.typeName(node));
    synchronized (byClass) {
      byClass.put(classIndex, id);
    }
    return id;
  }

  /** The id of a type name, interning it. */
  public int idOf(String name) {
    return names.id(name);
  }

  public String name(int typeId) {
    return names.value(typeId);
  }
}
