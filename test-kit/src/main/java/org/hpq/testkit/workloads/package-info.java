/**
 * Child-JVM workloads: main classes that build a known object graph and then wait for {@link
 * org.hpq.testkit.ChildJvmDump} to take a histogram and a heap dump.
 *
 * <pre>{@code
 * HeapDumpResult dump = ChildJvmDump.of(KnownGraph.class).jvmOptions("-Xmx64m").dumpTo(dir);
 * assertThat(dump.histogram().instances(KnownGraph.ITEM_CLASS_NAME)).isEqualTo(KnownGraph.ITEM_COUNT);
 * }</pre>
 */
package org.hpq.testkit.workloads;
