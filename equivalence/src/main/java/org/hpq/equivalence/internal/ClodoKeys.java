package org.hpq.equivalence.internal;

import org.hpq.equivalence.Heap;
import org.hpq.hprof.HeapDump;
import org.hpq.hprof.ObjectKind;

/**
 * The clodo key of one object at a time ({@link ClodoRelation#key}), for one worker of a pass:
 * remembers the last class looked up (objects of a class tend to lie together). Not thread-safe.
 */
final class ClodoKeys {
  private final Heap heap;
  private final HeapDump dump;
  private final TypeNames types;
  private int lastClass = Integer.MIN_VALUE;
  private int lastType;

  ClodoKeys(Heap heap, TypeNames types) {
    this.heap = heap;
    this.dump = heap.dump();
    this.types = types;
  }

  /** {@link ClodoRelation#key} of {@code node}. */
  long key(int node) {
    long type = typeId(node);
    ObjectKind kind = dump.kind(node);
    if (kind != ObjectKind.OBJECT_ARRAY && kind != ObjectKind.PRIMITIVE_ARRAY) {
      return type << 32;
    }
    int owner = heap.owner(node);
    if (owner < 0) {
      return (type << 32) | 1;
    }
    return (type << 32) | (2L + typeId(owner));
  }

  private int typeId(int node) {
    int classIndex = dump.classIndex(node);
    if (classIndex == lastClass) {
      return lastType;
    }
    int type = types.typeIdOfClass(classIndex);
    if (type < 0) {
      return types.typeId(node);
    }
    lastClass = classIndex;
    lastType = type;
    return type;
  }
}
