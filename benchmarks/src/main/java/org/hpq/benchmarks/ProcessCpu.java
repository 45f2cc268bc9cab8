package org.hpq.benchmarks;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;

/** CPU time of this process as the kernel counts it, split into user and system time. */
final class ProcessCpu {
  private ProcessCpu() {}

  /** User and system CPU ticks (1/100 s) of this process so far, from /proc; zeros elsewhere. */
  static long[] userAndSystemTicks() {
    try {
      String stat = Files.readString(Path.of("/proc/self/stat"));
      String[] fields = stat.substring(stat.lastIndexOf(')') + 2).split(" ");
      return new long[] {Long.parseLong(fields[11]), Long.parseLong(fields[12])};
    } catch (IOException | RuntimeException e) {
      return new long[] {0, 0};
    }
  }
}
