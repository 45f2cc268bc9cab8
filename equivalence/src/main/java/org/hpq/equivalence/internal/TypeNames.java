package org.hpq.equivalence.internal;

import it.unimi.dsi.fastutil.ints.Int2IntOpenHashMap;
import org.hpq.hprof.HeapDump;

/**
 * Dense ids for the type names of objects. The ids of every class are assigned up front, so the
 * per-object lookup (hundreds of millions of calls in a partition) reads an immutable map without
 * a lock. Thread-safe.
 */
public final class TypeNames {
  private final HeapDump dump;
  private final Interner<String> names = new Interner<>();
  private final Int2IntOpenHashMap byClass = new Int2IntOpenHashMap();

  public TypeNames(HeapDump dump) {
    this.dump = dump;
    byClass.defaultReturnValue(-1);
    for (org.hpq.hprof.JavaClass javaClass : dump.classes()) {
      byClass.put(javaClass.objectIndex(), names.id(javaClass.name()));
    }
  }

  /** The type id of {@code node}'s type ({@link HeapDump#typeName}). */
  public int typeId(int node) {
    int id = byClass.get(dump.classIndex(node));
    return id >= 0 ? id : names.id(dump.typeName(node));
  }

  /** The id of a type name, interning it. */
  public int idOf(String name) {
    return names.id(name);
  }

  public String name(int typeId) {
    return names.value(typeId);
  }
}
