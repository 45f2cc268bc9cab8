/**
 * Dominator tree, retained sizes and the retained set of a whole set ({@code dominos}), over an
 * {@link org.hpq.hprof.dominators.ObjectGraph}, for graphs of hundreds of millions of objects on
 * a small Java heap: every per-node array comes from a {@link org.hpq.hprof.store.BigArrays}
 * allocator, nothing recurses, nothing allocates per node.
 *
 * <pre>{@code
 * ObjectGraph graph = ObjectGraph.of(outbound, inbound, roots, shallowSizes);
 * DominatorTree tree = DominatorTree.compute(graph, scratch, results, TaskMonitor.NONE);
 * long retained = tree.retainedSize(node);
 * long domisize = Dominos.domisize(graph, tree, set::contains, set.iterator(), scratch, monitor);
 * List<String> problems = DominatorCertificate.check(graph, tree, scratch, 100, monitor);
 * }</pre>
 */
package org.hpq.hprof.dominators;
