package org.hpq.testkit;

import java.nio.file.Path;

/**
 * What {@link ChildJvmDump#dumpTo} produced.
 *
 * @param dumpFile the heap dump ({@code .hprof}, or {@code .hprof.gz} when gzipped)
 * @param histogramFile the raw {@code GC.class_histogram} text taken just before the dump
 * @param histogram that histogram, parsed
 * @param childPid the child JVM's process id
 * @param javaMajorVersion the child JDK's feature version (17, 25...)
 * @param childOutput the child's standard output and error, for failure messages
 */
public record HeapDumpResult(
    Path dumpFile,
    Path histogramFile,
    ClassHistogram histogram,
    long childPid,
    int javaMajorVersion,
    String childOutput) {}
