package org.hpq.hprof;

import java.lang.management.ManagementFactory;
import java.lang.management.MemoryPoolMXBean;
import java.lang.management.MemoryType;

/** The Java heap this process has used at most so far, for summaries and benchmarks. */
public final class PeakHeap {
  private PeakHeap() {}

  /** The sum of the peak usage of the heap memory pools, in bytes. */
  public static long bytes() {
    long peak = 0;
    for (MemoryPoolMXBean pool : ManagementFactory.getMemoryPoolMXBeans()) {
      if (pool.getType() == MemoryType.HEAP && pool.getPeakUsage() != null) {
        peak += pool.getPeakUsage().getUsed();
      }
    }
    return peak;
  }
}
