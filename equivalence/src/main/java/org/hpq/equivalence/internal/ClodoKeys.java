package org.hpq.equivalence.internal;

import java.util.Arrays;
import org.hpq.equivalence.Heap;
import org.hpq.hprof.HeapDump;
import org.hpq.hprof.ObjectKind;

/**
 * The clodo key of one object at a time ({@link ClodoRelation#key}), or of the ascending members
 * of a span at once, for one worker of a pass: remembers the type ids of recently met classes, and reads the kinds and classes of a densely filled span from the
 * index in bulk. Not thread-safe.
 */
final class ClodoKeys {
  /**
   * Spans at most this many times longer than their member count are read in bulk: reading a few
   * bytes more of consecutive objects costs less than a scattered read.
   */
  private static final int DENSITY = 8;

  /** Lines of the class cache (a power of two). */
  private static final int CACHED_CLASSES = 1 << 10;

  /** Kind codes from this one on are arrays ({@link HeapDump#kindCodes}). */
  private static final int FIRST_ARRAY_CODE = 3;

  private final Heap heap;
  private final HeapDump dump;
  private final TypeNames types;
  /** Type ids of recently met class objects, by the low bits of their index; MIN_VALUE for none. */
  private final int[] cachedClasses = new int[CACHED_CLASSES];
  private final int[] cachedTypes = new int[CACHED_CLASSES];
  private byte[] kinds = new byte[0];
  private int[] classes = new int[0];
  private int[] range = new int[0];

  ClodoKeys(Heap heap, TypeNames types) {
    this.heap = heap;
    this.dump = heap.dump();
    this.types = types;
    Arrays.fill(cachedClasses, Integer.MIN_VALUE);
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

  /**
   * Writes {@link #key} of {@code nodes[i]} to {@code into[i]} for {@code i < count}; the nodes
   * ascend.
   */
  void keys(int[] nodes, int count, long[] into) {
    if (count == 0) {
      return;
    }
    int first = nodes[0];
    long length = (long) nodes[count - 1] - first + 1;
    if (length > (long) count * DENSITY) {
      for (int i = 0; i < count; i++) {
        into[i] = key(nodes[i]);
      }
      return;
    }
    int span = (int) length;
    if (kinds.length < span) {
      kinds = new byte[span];
      classes = new int[span];
    }
    dump.kindCodes(first, kinds, 0, span);
    dump.classIndexes(first, classes, 0, span);
    for (int i = 0; i < count; i++) {
      int node = nodes[i];
      int at = node - first;
      long type = typeIdOfClass(classes[at], node);
      if (kinds[at] < FIRST_ARRAY_CODE) {
        into[i] = type << 32;
        continue;
      }
      int owner = heap.owner(node);
      if (owner < 0) {
        into[i] = (type << 32) | 1;
      } else {
        int ownerAt = owner - first;
        int ownerClass = ownerAt >= 0 && ownerAt < span ? classes[ownerAt] : dump.classIndex(owner);
        into[i] = (type << 32) | (2L + typeIdOfClass(ownerClass, owner));
      }
    }
  }

  /**
   * Writes {@link #key} of objects {@code first .. first + count - 1} to {@code into[0 .. count -
   * 1]}.
   */
  void rangeKeys(int first, int count, long[] into) {
    if (range.length < count) {
      range = new int[count];
    }
    for (int i = 0; i < count; i++) {
      range[i] = first + i;
    }
    keys(range, count, into);
  }

  private int typeId(int node) {
    return typeIdOfClass(dump.classIndex(node), node);
  }

  /** The type id of {@code node}, whose class object is {@code classIndex}. */
  private int typeIdOfClass(int classIndex, int node) {
    int line = classIndex & (CACHED_CLASSES - 1);
    if (cachedClasses[line] == classIndex) {
      return cachedTypes[line];
    }
    int type = types.typeIdOfClass(classIndex);
    if (type < 0) {
      return types.typeId(node);
    }
    cachedClasses[line] = classIndex;
    cachedTypes[line] = type;
    return type;
  }
}
