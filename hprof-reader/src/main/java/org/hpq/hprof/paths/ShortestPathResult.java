package org.hpq.hprof.paths;

import java.util.List;

/**
 * The shortest paths from the virtual root to the nearest members of a target set.
 *
 * @param length objects on each shortest path (= edges, the root edge included); 0 when no
 *     target is reachable
 * @param pathCount number of distinct shortest paths to all nearest targets, edge by edge (two
 *     fields referring to the same object are two paths; so are two root records of one object),
 *     saturated at {@link Long#MAX_VALUE}
 * @param targetCount number of targets at that distance
 * @param paths up to the number asked for, in a deterministic order: targets in breadth-first
 *     discovery order, each target's paths in ascending order of referrer, edge and root entry,
 *     chosen from the target backwards
 */
public record ShortestPathResult(int length, long pathCount, long targetCount, List<ReferencePath> paths) {

  public ShortestPathResult {
    paths = List.copyOf(paths);
  }

  /** The answer when no target is reachable. */
  public static ShortestPathResult none() {
    return new ShortestPathResult(0, 0, 0, List.of());
  }

  /** Whether some target is reachable. */
  public boolean found() {
    return length > 0;
  }

  /** Whether {@link #pathCount} hit {@link Long#MAX_VALUE} and means "at least that many". */
  public boolean isCountSaturated() {
    return pathCount == Long.MAX_VALUE;
  }
}
