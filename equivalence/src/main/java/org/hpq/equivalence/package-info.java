/**
 * heapy's model over a Java heap dump: a {@link org.hpq.equivalence.Heap} (universe, reachable
 * set, relative baseline), {@link org.hpq.equivalence.ObjectSet}s with set algebra, partitions by
 * {@link org.hpq.equivalence.Relation}s (clodo, type, size, rcs, via, id, unity, package, loader,
 * root, frame and products), {@link org.hpq.equivalence.Kinds} (symbolic sets), retained sets,
 * paths ({@code sp}, {@code pathsin}, {@code pathsout}, {@code rp}), single objects, detached
 * stats and differences, each printable in heapy's layouts a page at a time.
 *
 * <pre>{@code
 * Heap heap = Heap.of(HeapDump.open(path));
 * ObjectSet strings = heap.heapSet().and(heap.kinds().type("java.lang.String"));
 * System.out.print(strings.by("rcs"));          // heapy's table, 10 rows and the more footer
 * System.out.print(strings.by("rcs").more());   // rows 10 to 19
 * System.out.print(strings.row(0).sp());        // shortest paths from the roots
 * }</pre>
 */
package org.hpq.equivalence;
