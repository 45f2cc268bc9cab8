package org.hpq.equivalence.internal;

import org.hpq.hprof.HeapDump;
import org.hpq.hprof.ObjectKind;
import org.hpq.hprof.graph.Csr;

/**
 * The clodo key of one object at a time ({@link ClodoRelation#key}), for one worker of a pass:
 * remembers the last class looked up (objects of a class tend to lie together), and finds an
 * array's owner straight from the inbound edge arrays. Not thread-safe.
 */
final class ClodoKeys {
  private final HeapDump dump;
  private final TypeNames types;
  private final Csr inbound;
  private int lastClass = Integer.MIN_VALUE;
  private int lastType;

  ClodoKeys(HeapDump dump, TypeNames types) {
    this.dump = dump;
    this.types = types;
    this.inbound = dump.inbound();
  }

  /** {@link ClodoRelation#key} of {@code node}. */
  long key(int node) {
    long type = typeId(node);
    ObjectKind kind = dump.kind(node);
    if (kind != ObjectKind.OBJECT_ARRAY && kind != ObjectKind.PRIMITIVE_ARRAY) {
      return type << 32;
    }
    int owner = owner(node);
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

  /** {@link org.hpq.equivalence.Heap#owner} of an array. */
  private int owner(int array) {
    long start = inbound.start(array);
    long end = inbound.end(array);
    if (start == end || dump.isRoot(array)) {
      return -1;
    }
    int first = inbound.neighbour(start);
    for (long p = start + 1; p < end; p++) {
      if (inbound.neighbour(p) != first) {
        return -1;
      }
    }
    return first;
  }
}
