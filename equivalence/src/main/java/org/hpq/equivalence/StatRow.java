package org.hpq.equivalence;

/**
 * One row of a detached table ({@link Stat}) or of a difference ({@link Diff}).
 *
 * @param label the class's label, as the relation shows it
 * @param count objects in the class (for a difference: A's count minus B's, may be negative)
 * @param size their total shallow size in bytes (for a difference: A's minus B's)
 */
public record StatRow(String label, long count, long size) {}
