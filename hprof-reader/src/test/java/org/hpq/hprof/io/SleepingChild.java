package org.hpq.hprof.io;

import java.util.ArrayList;
import java.util.List;

/**
 * A child JVM to dump: fills a little heap, prints its pid, then waits until its standard input
 * ends. Run by {@link RealJdkGzipDumpTest}.
 */
public final class SleepingChild {
  private SleepingChild() {}

  public static void main(String[] arguments) throws Exception {
    List<Object> keep = new ArrayList<>();
    for (int i = 0; i < 50_000; i++) {
      keep.add("string " + i);
      keep.add(new int[i % 64]);
    }
    System.out.println(ProcessHandle.current().pid());
    System.out.flush();
    while (System.in.read() >= 0) {
      // Wait for the parent to close our input.
    }
    System.out.println(keep.size());
  }
}
