/**
 * Tests of the reader on heap dumps of real child JVMs, checked against {@code jcmd
 * GC.class_histogram} taken a moment before each dump.
 *
 * <p>Each test class is one scenario (JDK, JVM options, {@code -all}, {@code -gz=1}); it dumps
 * {@link org.hpq.testkit.workloads.KnownGraph} once in {@code @BeforeAll} and compares: the
 * workload's known counts exactly, per-class instance counts and bytes against the histogram, the
 * detected size model and the main thread's Java-frame roots. Counts and bytes are exact but for
 * what the dump does not hold (CDS archived mirrors, filler arrays) and churn between the two jcmd
 * commands; {@link org.hpq.hprof.realdumps.UnreachableCauses} sorts what stays unreachable by cause
 * and {@code docs/notes/real-dumps.md} explains each remaining difference with numbers.
 */
package org.hpq.hprof.realdumps;
