package org.hpq.equivalence;

import org.hpq.setalgebra.NodeSet;

/**
 * One row of a partition: a class of the relation and the members of the set in it.
 *
 * @param key the relation's class key
 * @param label the class's label
 * @param members the objects of the row
 * @param size the sum of their shallow sizes in bytes
 */
public record Row(long key, String label, NodeSet members, long size) {

  public long count() {
    return members.count();
  }
}
