package org.hpq.equivalence.internal;

import java.util.Arrays;
import org.hpq.setalgebra.NodeSet;

/**
 * The members of one class during a partition pass, added in ascending order: a small int array
 * while the class is small (most classes of a partition by via or rcs are), a set builder once
 * it grows past {@value #SMALL} members. Not thread-safe.
 */
final class MemberList {
  private static final int SMALL = 4096;

  private int[] pending = new int[4];
  private int count;
  private NodeSet.Builder builder;
  private NodeSet built;

  static MemberList of(NodeSet members) {
    MemberList list = new MemberList();
    list.pending = null;
    list.built = members;
    return list;
  }

  void add(int node) {
    if (builder != null) {
      builder.add(node);
      return;
    }
    if (count == pending.length) {
      if (count == SMALL) {
        builder = NodeSet.builder();
        for (int i = 0; i < count; i++) {
          builder.add(pending[i]);
        }
        pending = null;
        builder.add(node);
        return;
      }
      pending = Arrays.copyOf(pending, count * 2);
    }
    pending[count++] = node;
  }

  /** The members as a set; the list must not be added to afterwards. */
  NodeSet toSet() {
    if (built == null) {
      built = builder != null ? builder.build() : NodeSet.of(Arrays.copyOf(pending, count));
      builder = null;
      pending = null;
    }
    return built;
  }

  /** The union of two lists (either may be null), as a list holding a set. */
  static MemberList union(MemberList first, MemberList second) {
    if (first == null) {
      return second;
    }
    if (second == null) {
      return first;
    }
    return of(first.toSet().or(second.toSet()));
  }
}
