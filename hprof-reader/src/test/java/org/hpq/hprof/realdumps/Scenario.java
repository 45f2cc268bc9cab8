package org.hpq.hprof.realdumps;

import java.nio.file.Path;
import java.util.List;
import org.hpq.testkit.ChildJvmDump;
import org.hpq.testkit.workloads.KnownGraph;

/**
 * How a real dump of {@link KnownGraph} is taken.
 *
 * @param name a short name for messages and directories
 * @param javaHome the child's JDK
 * @param jvmOptions extra child JVM options
 * @param allObjects {@code -all}: keep unreachable objects (and no GC before the histogram)
 * @param gzipLevel {@code -gz=N}, 0 for a plain file
 * @param compressedOops whether the child uses compressed oops
 */
record Scenario(
    String name, Path javaHome, List<String> jvmOptions, boolean allObjects, int gzipLevel, boolean compressedOops) {

  private static final String HEAP = "-Xmx64m";

  static Scenario jdk17(String name) {
    return new Scenario(name, ChildJvmDump.currentJavaHome(), List.of(HEAP), false, 0, true);
  }

  static Scenario jdk25(String name) {
    return new Scenario(name, ChildJvmDump.TEMURIN_25, List.of(HEAP), false, 0, true);
  }

  Scenario withoutCompressedOops() {
    return new Scenario(name, javaHome, List.of(HEAP, "-XX:-UseCompressedOops"), allObjects, gzipLevel, false);
  }

  Scenario withAllObjects() {
    return new Scenario(name, javaHome, jvmOptions, true, gzipLevel, compressedOops);
  }

  Scenario withGzip(int level) {
    return new Scenario(name, javaHome, jvmOptions, allObjects, level, compressedOops);
  }

  /** The configured child dump. */
  ChildJvmDump childDump() {
    return ChildJvmDump.of(KnownGraph.class)
        .javaHome(javaHome)
        .jvmOptions(jvmOptions.toArray(String[]::new))
        .allObjects(allObjects)
        .gzipLevel(gzipLevel);
  }

  /**
   * Whether the JVM maps CDS archived heap objects: on by default with compressed oops (JDK 17 and
   * 25 on G1). They bring class mirrors the dump does not write and, on JDK 25, filler arrays.
   */
  boolean archivedHeap() {
    return compressedOops && !jvmOptions.contains("-Xshare:off");
  }
}
