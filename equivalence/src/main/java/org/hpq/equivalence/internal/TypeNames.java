package org.hpq.equivalence.internal;

import it.unimi.dsi.fastutil.ints.Int2IntOpenHashMap;
import org.hpq.hprof.BasicType;
import org.hpq.hprof.HeapDump;
import org.hpq.hprof.JavaClass;

/**
 * Dense ids for the type names of objects. The ids of every class, and of the names given to
 * objects whose class the dump lacks, are assigned up front, so the per-object lookup (hundreds
 * of millions of calls in a partition) reads an immutable map without a lock, and ids do not
 * depend on the order in which threads meet objects. Thread-safe.
 */
public final class TypeNames {
  private final HeapDump dump;
  private final Interner<String> names = new Interner<>();
  private final Int2IntOpenHashMap byClass = new Int2IntOpenHashMap();

  public TypeNames(HeapDump dump) {
    this.dump = dump;
    byClass.defaultReturnValue(-1);
    for (JavaClass javaClass : dump.classes()) {
      byClass.put(javaClass.objectIndex(), names.id(javaClass.name()));
    }
    // The names HeapDump.typeName gives objects without a class.
    names.id("<unknown class>");
    names.id("java.lang.Class");
    names.id("java.lang.Object[]");
    for (BasicType type : BasicType.values()) {
      if (type != BasicType.OBJECT) {
        names.id(type.javaName() + "[]");
      }
    }
  }

  /** The type id of {@code node}'s type ({@link HeapDump#typeName}). */
  public int typeId(int node) {
    int id = byClass.get(dump.classIndex(node));
    return id >= 0 ? id : names.id(dump.typeName(node));
  }

  /**
   * The type id of the objects whose class object is {@code classIndex}, or -1 when that is not a
   * class of the dump (then {@link #typeId} names the object by its kind).
   */
  public int typeIdOfClass(int classIndex) {
    return byClass.get(classIndex);
  }

  /** The id of a type name, interning it. */
  public int idOf(String name) {
    return names.id(name);
  }

  public String name(int typeId) {
    return names.value(typeId);
  }
}
