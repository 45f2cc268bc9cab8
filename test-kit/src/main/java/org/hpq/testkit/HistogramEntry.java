package org.hpq.testkit;

/**
 * One line of {@code jcmd <pid> GC.class_histogram}.
 *
 * @param rank the line number the VM printed (1 = most bytes)
 * @param instances the number of instances
 * @param bytes the VM's total shallow bytes of those instances
 * @param javaName the class name in Java form: {@code byte[]}, {@code java.lang.Object[]}, {@code
 *     java.util.HashMap$Node[]}, {@code java.lang.String}
 * @param rawName the name as printed: {@code [B}, {@code [Ljava.lang.Object;}
 * @param module the module as printed in parentheses ({@code java.base@17.0.15}), or null when
 *     none was printed (classes of the unnamed module)
 */
public record HistogramEntry(
    int rank, long instances, long bytes, String javaName, String rawName, String module) {}
