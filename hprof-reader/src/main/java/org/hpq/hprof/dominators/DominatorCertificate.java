package org.hpq.hprof.dominators;

import java.util.List;
import org.hpq.hprof.dominators.internal.CertificateChecker;
import org.hpq.hprof.store.BigArrays;

/**
 * Checks a computed {@link DominatorTree} against its graph in linear time (plus a binary search
 * an edge), so that every real dump's tree can be checked:
 *
 * <ol>
 *   <li>the reachability flags equal those of independent breadth-first searches;
 *   <li>dominator pointers are valid, form a tree below the virtual root R (no cycles), and no
 *       strongly reachable object is dominated by a weakly reachable one;
 *   <li>parent property: for every edge u -> v of the flow graph (strong edges between reachable
 *       objects, except weakly-reachable-only -> strongly reachable ones; R -> roots and weak
 *       roots), idom(v) is u or an ancestor of u (R's edges need idom(v) = R);
 *   <li>nearest-ancestor property: idom(v) refers to v directly, or v's referrers outside v's
 *       subtree lie below two different children of idom(v) (true of the real tree, since idom(v)
 *       is the nearest common dominator of those referrers); this catches a node hung too high;
 *   <li>retained(x) = shallow(x) + the children's retained sizes, and the retained sizes of R's
 *       children add up to the shallow size of all reachable objects.
 * </ol>
 *
 * Properties 3 and 4 are necessary, not sufficient: a full certificate would also need a
 * "low-high order" (Georgiadis and Tarjan, 2016) to rule out a node hung beside, rather than
 * below, a sibling that dominates it. The brute-force tests cover that case.
 */
public final class DominatorCertificate {
  private DominatorCertificate() {}

  /**
   * Checks {@code tree} against {@code graph}.
   *
   * @param scratch allocator of scratch arrays (about 40 bytes a node; closed before returning)
   * @param limit at most this many violations are described; one more entry then gives the count
   * @return descriptions of the violations found, empty when the tree passes
   * @throws java.util.concurrent.CancellationException if {@code monitor} says so
   */
  public static List<String> check(
      ObjectGraph graph, DominatorTree tree, BigArrays scratch, int limit, TaskMonitor monitor) {
    return CertificateChecker.check(graph, tree, scratch, limit, monitor);
  }
}
