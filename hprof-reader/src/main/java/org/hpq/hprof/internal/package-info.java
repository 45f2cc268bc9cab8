/**
 * The reader's machinery, not an API: {@code RecordScanner} (pass 1: records, class dumps, roots,
 * object ids and offsets), {@code IdSorter}, {@code PairSorter} and {@code IdIndex} (ids to dense indexes), {@code
 * ClassTableBuilder} (classes and layouts, with {@code HotSpotLayout}: injected fields,
 * {@code @Contended} padding, mirror sizes), {@code SizeModelDetector}, {@code EdgeReader} (pass 2:
 * labelled references), {@code ImpliedEdges} and {@code EdgeSplicer} (class mirrors' fields HPROF
 * omits), {@code Transposer} (referrers), {@code RootResolver}, {@code ImpliedRoots} and {@code
 * LauncherMain} (roots the dumper omits), {@code Reachability},
 * {@code IndexBuilder} and {@code IndexStore} (the index directory: atomic, checksummed, rebuilt
 * when stale or damaged) and {@code FieldReader} (field values read lazily).
 */
package org.hpq.hprof.internal;
