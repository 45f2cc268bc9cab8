package org.hpq.benchmarks;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.lang.management.ManagementFactory;
import java.lang.management.ThreadMXBean;
import java.nio.file.Files;
import java.nio.file.Path;
import org.hpq.hprof.GcRoot;
import org.hpq.hprof.PeakHeap;
import org.hpq.hprof.ProgressListener;
import org.hpq.hprof.dominators.DominatorTree;
import org.hpq.hprof.dominators.ObjectGraph;
import org.hpq.hprof.dominators.ResultArrays;
import org.hpq.hprof.dominators.TaskMonitor;
import org.hpq.hprof.graph.Csr;
import org.hpq.hprof.internal.IndexFiles;
import org.hpq.hprof.internal.IndexMeta;
import org.hpq.hprof.store.BigArrays;
import org.hpq.hprof.store.IntArray;
import org.hpq.hprof.store.LongArray;

/**
 * Times {@link DominatorTree#compute} alone on the graph of an existing index, phase by phase,
 * and checks that the results equal the ones the index holds.
 *
 * <p>Usage: {@code java -Xmx2g -cp ... org.hpq.benchmarks.DominatorIndexBenchmark INDEX_DIR
 * SCRATCH_DIR}. The index is only read; scratch arrays and the result files go to {@code
 * SCRATCH_DIR} (its result files are replaced). Prints one line per phase to stdout: wall
 * seconds, user and system CPU seconds of the process from {@code /proc/self/stat}, and those of
 * the main thread, which shows what helper threads took off it.
 */
public final class DominatorIndexBenchmark {
  private DominatorIndexBenchmark() {}

  public static void main(String[] args) throws IOException {
    Path index = Path.of(args[0]);
    Path scratchDirectory = Path.of(args[1]);
    Files.createDirectories(scratchDirectory);
    IndexMeta meta = IndexMeta.read(index.resolve(IndexFiles.META));
    int nodes = meta.objectCount;
    long edges = meta.edgeCount;
    long weakWords = (edges + 63) >>> 6;
    int[] roots = meta.roots.stream().mapToInt(GcRoot::object).toArray();
    Csr outbound =
        new Csr(
            BigArrays.mapOffsets(index.resolve(IndexFiles.OUT_OFFSETS), nodes + 1L),
            BigArrays.mapInts(index.resolve(IndexFiles.OUT_TARGETS), edges, false),
            BigArrays.mapLongs(index.resolve(IndexFiles.OUT_WEAK), weakWords, false));
    Csr inbound =
        new Csr(
            BigArrays.mapOffsets(index.resolve(IndexFiles.IN_OFFSETS), nodes + 1L),
            BigArrays.mapInts(index.resolve(IndexFiles.IN_SOURCES), edges, false),
            BigArrays.mapLongs(index.resolve(IndexFiles.IN_WEAK), weakWords, false));
    LongArray shallow = BigArrays.mapShallow(index.resolve(IndexFiles.SHALLOW), nodes, meta.shallowShift, meta.largeShallowSizes);
    ObjectGraph graph = ObjectGraph.of(outbound, inbound, roots, shallow);
    System.out.printf(
        "%,d objects, %,d edges, %,d roots%n", nodes, edges, roots.length);

    ResultArrays results =
        new ResultArrays() {
          @Override
          public IntArray newIntArray(String name, long size) {
            return BigArrays.mapInts(fresh(scratchDirectory.resolve(name)), size, true);
          }

          @Override
          public LongArray newLongArray(String name, long size) {
            return BigArrays.mapLongs(fresh(scratchDirectory.resolve(name)), size, true);
          }
        };
    PhaseLog log = new PhaseLog();
    DominatorTree tree =
        DominatorTree.compute(
            graph, BigArrays.scratchIn(scratchDirectory), results, TaskMonitor.of(() -> false, log));
    log.finish();
    System.out.printf("peak heap %,d MB%n", PeakHeap.bytes() >> 20);

    long started = System.nanoTime();
    try (IntArray idom = BigArrays.mapInts(index.resolve(IndexFiles.DOMINATORS), nodes, false);
        LongArray retained = BigArrays.mapLongs(index.resolve(IndexFiles.RETAINED), nodes, false);
        LongArray strong =
            BigArrays.mapLongs(index.resolve(IndexFiles.STRONGLY_REACHABLE), (nodes + 63L) >>> 6, false);
        LongArray weakRoots =
            BigArrays.mapLongs(index.resolve(IndexFiles.WEAK_ROOTS), (nodes + 63L) >>> 6, false)) {
      long differences = 0;
      for (int node = 0; node < nodes; node++) {
        if (idom.get(node) != tree.immediateDominator(node)
            || retained.get(node) != tree.retainedSize(node)) {
          if (differences++ < 10) {
            System.out.printf(
                "node %d: idom %d (index %d), retained %d (index %d)%n",
                node, tree.immediateDominator(node), idom.get(node), tree.retainedSize(node),
                retained.get(node));
          }
        }
      }
      for (long word = 0; word < strong.size(); word++) {
        if (strong.get(word) != tree.stronglyReachableBits().get(word)
            || weakRoots.get(word) != tree.weakRootBits().get(word)) {
          if (differences++ < 10) {
            System.out.printf("bit-set word %d differs%n", word);
          }
        }
      }
      System.out.printf(
          "%s: %,d differences from the index (checked in %.1f s)%n",
          differences == 0 ? "IDENTICAL" : "DIFFERENT", differences, seconds(started));
      if (differences != 0) {
        System.exit(1);
      }
    }
  }

  private static Path fresh(Path file) {
    try {
      Files.deleteIfExists(file);
      return file;
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  /** Prints the wall, user and system seconds of each phase as the next one starts. */
  private static final class PhaseLog implements ProgressListener {
    private final long started = System.nanoTime();
    private String phase = "setup";
    private long phaseStart = started;
    private long[] phaseCpu = ProcessCpu.userAndSystemTicks();
    private long[] phaseThreadCpu = threadCpuNanos();

    @Override
    public synchronized void progress(String phase, long done, long total) {
      if (!phase.equals(this.phase)) {
        end();
        this.phase = phase;
      }
    }

    void finish() {
      end();
      System.out.printf("total %6.2f s wall%n", seconds(started));
    }

    private void end() {
      long now = System.nanoTime();
      long[] cpu = ProcessCpu.userAndSystemTicks();
      long[] threadCpu = threadCpuNanos();
      System.out.printf(
          "%-22s %6.2f s wall %6.2f user %6.2f sys; main thread %6.2f user %6.2f sys%n",
          phase, (now - phaseStart) / 1e9, (cpu[0] - phaseCpu[0]) / 100.0,
          (cpu[1] - phaseCpu[1]) / 100.0, (threadCpu[0] - phaseThreadCpu[0]) / 1e9,
          (threadCpu[1] - phaseThreadCpu[1]) / 1e9);
      phaseStart = now;
      phaseCpu = cpu;
      phaseThreadCpu = threadCpu;
    }
  }

  /** User and system CPU nanoseconds of the calling thread, which computes and reports. */
  private static long[] threadCpuNanos() {
    ThreadMXBean threads = ManagementFactory.getThreadMXBean();
    long user = threads.getCurrentThreadUserTime();
    return new long[] {user, threads.getCurrentThreadCpuTime() - user};
  }

  private static double seconds(long started) {
    return (System.nanoTime() - started) / 1e9;
  }
}
