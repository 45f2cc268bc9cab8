/**
 * Shortest reference paths from the GC roots (the virtual root) to an object or a set, heapy's
 * {@code sp}: a breadth-first search over the object graph, with the number of distinct shortest
 * paths and a few of them as object sequences plus edge positions, so that the caller can label
 * them ({@code <root: thread main>.cache.table[17].value}).
 *
 * <pre>{@code
 * ShortestPathResult result =
 *     ShortestPaths.find(graph, node -> node == target, WeakEdges.FOLLOW, 10, scratch, monitor);
 * for (ReferencePath path : result.paths()) { ... path.rootIndex(), path.edgePosition(i) ... }
 * }</pre>
 */
package org.hpq.hprof.paths;
