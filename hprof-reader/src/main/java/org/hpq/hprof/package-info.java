/**
 * Reading HPROF heap dumps: {@link org.hpq.hprof.HeapDump} opens a dump (plain or gzip), builds or
 * reuses its on-disk index, and gives the object graph with dense int indexes, labelled outbound
 * and inbound references, GC roots, reachability, shallow sizes and lazily read field values.
 *
 * <pre>{@code
 * OpenOptions options = OpenOptions.defaults().withStrictness(Strictness.WARN);
 * try (HeapDump dump = HeapDump.open(Path.of("app.hprof"), options)) {
 *   for (String warning : dump.warnings()) System.err.println(warning);
 *   int object = dump.indexOf(0x7f00_1234L);
 *   System.out.println(dump.typeName(object) + " " + dump.shallowSize(object));
 * }
 * }</pre>
 *
 * <p>Malformed input gives one checked {@link org.hpq.hprof.HprofFormatException} that names the
 * file, the hex offset and the record; {@link org.hpq.hprof.Strictness} says what is repaired.
 */
package org.hpq.hprof;
