package org.hpq.hprof.dominators;

/**
 * What {@link Dominos#dominos} found.
 *
 * @param objectCount number of objects in the retained set
 * @param totalSize sum of their shallow sizes in bytes (the domisize)
 * @param method how it was computed
 */
public record DominosSummary(long objectCount, long totalSize, Method method) {

  /** How a retained set was computed. */
  public enum Method {
    /** From the dominator tree alone: the set had at most one top member. */
    TREE,
    /** By a search of the whole graph without the set. */
    WALK
  }
}
