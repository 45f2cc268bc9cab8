package org.hpq.testkit;

import com.sun.management.HotSpotDiagnosticMXBean;
import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.lang.management.ManagementFactory;
import java.nio.charset.StandardCharsets;

/**
 * The child side of {@link ChildJvmDump}: a workload's {@code main} builds its objects, then calls
 * {@link #awaitParent()}, which prints {@code READY <pid>} and serves the parent's commands on
 * standard input until told to exit.
 *
 * <p>Commands, one a line: {@code DUMP <live: true|false> <file>} dumps the heap in-process with
 * {@link HotSpotDiagnosticMXBean#dumpHeap} and answers {@code DUMPED} (or {@code DUMP-FAILED
 * <message>}); {@code EXIT} (or end of input) returns.
 */
public final class ChildJvmProtocol {
  /** The ready line's prefix; the pid follows. */
  public static final String READY_PREFIX = "READY ";
  /** The answer to a successful DUMP command. */
  public static final String DUMPED = "DUMPED";
  /** The prefix of the answer to a failed DUMP command. */
  public static final String DUMP_FAILED = "DUMP-FAILED ";

  private ChildJvmProtocol() {}

  /**
   * Prints the ready line and serves commands until {@code EXIT} or end of input. Call it from the
   * thread whose locals must stay alive, and keep them alive after it returns (e.g. with {@link
   * java.lang.ref.Reference#reachabilityFence}).
   *
   * @throws IOException if standard input fails
   */
  public static void awaitParent() throws IOException {
    System.out.println(READY_PREFIX + ProcessHandle.current().pid());
    System.out.flush();
    BufferedReader in = new BufferedReader(new InputStreamReader(System.in, StandardCharsets.UTF_8));
    for (String line = in.readLine(); line != null; line = in.readLine()) {
      if (line.equals("EXIT")) {
        return;
      }
      if (line.startsWith("DUMP ")) {
        String[] parts = line.split(" ", 3);
        try {
          ManagementFactory.getPlatformMXBean(HotSpotDiagnosticMXBean.class)
              .dumpHeap(parts[2], Boolean.parseBoolean(parts[1]));
          System.out.println(DUMPED);
        } catch (IOException | RuntimeException e) {
          System.out.println(DUMP_FAILED + e);
        }
        System.out.flush();
      }
    }
  }
}
