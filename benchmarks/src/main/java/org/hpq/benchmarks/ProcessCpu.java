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

  /**
   * Machine-wide figures from /proc: the CPU ticks (1/100 s) all processes spent busy (user,
   * nice, system, interrupts), the ticks the host ran something else (steal), and the 4 KB pages
   * the kernel allocated; zeros elsewhere. The first shows what the kernel's writeback threads
   * take from the build's cores, the second what the host took, the third how much memory a
   * phase touched for the first time.
   */
  static long[] machineBusyStealTicksAndAllocatedPages() {
    long busy = 0;
    long steal = 0;
    long pages = 0;
    try {
      String[] cpu = Files.readAllLines(Path.of("/proc/stat")).get(0).trim().split("\\s+");
      // cpu user nice system idle iowait irq softirq steal
      busy = Long.parseLong(cpu[1]) + Long.parseLong(cpu[2]) + Long.parseLong(cpu[3]) + Long.parseLong(cpu[6])
          + Long.parseLong(cpu[7]);
      steal = Long.parseLong(cpu[8]);
      for (String line : Files.readAllLines(Path.of("/proc/vmstat"))) {
        if (line.startsWith("pgalloc_")) {
          pages += Long.parseLong(line.substring(line.indexOf(' ') + 1).trim());
        }
      }
    } catch (IOException | RuntimeException e) {
      return new long[] {0, 0, 0};
    }
    return new long[] {busy, steal, pages};
  }
}
