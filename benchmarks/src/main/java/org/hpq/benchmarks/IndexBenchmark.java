package org.hpq.benchmarks;

import com.sun.management.OperatingSystemMXBean;
import java.lang.management.CompilationMXBean;
import java.lang.management.ManagementFactory;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.util.Comparator;
import java.util.HashMap;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import org.hpq.equivalence.Heap;
import org.hpq.equivalence.ObjectSet;
import org.hpq.equivalence.Partition;
import org.hpq.equivalence.Row;
import org.hpq.hprof.HeapDump;
import org.hpq.hprof.OpenOptions;
import org.hpq.hprof.PeakHeap;
import org.hpq.hprof.ProgressListener;

/**
 * Times indexing, reopening, the dominator tree and the main partitions of one dump, and prints
 * a Markdown table row per step for {@code docs/benchmarks.md}.
 *
 * <p>Usage: {@code java -Xmx2g -XX:+UseParallelGC -cp ... org.hpq.benchmarks.IndexBenchmark DUMP INDEX_DIR [--reuse]
 * [--repeat N] [--digest FILE] [--scratch-dir DIR] [--build-only]}. The index directory is emptied first so the build is measured,
 * unless {@code --reuse} asks to time only the queries on an index built before. {@code --repeat}
 * runs the queries N times (warm timings); {@code --digest} writes every partition's rows (key,
 * label, count, size, in order; the first rows in full, all of them as a SHA-256) and the row-0
 * figures to FILE, to compare the results of two versions. {@code --scratch-dir} puts the build's
 * scratch arrays there instead of where {@code ScratchSpace} would. {@code --build-only} stops after
 * the build, for comparing two versions' builds in less time.
 */
public final class IndexBenchmark {
  private IndexBenchmark() {}

  public static void main(String[] args) throws Exception {
    Path dump = Path.of(args[0]);
    Path indexDirectory = Path.of(args[1]);
    boolean reuse = false;
    int repeat = 1;
    Path digestFile = null;
    Path scratchDirectory = null;
    boolean buildOnly = false;
    for (int a = 2; a < args.length; a++) {
      switch (args[a]) {
        case "--reuse" -> reuse = true;
        case "--repeat" -> repeat = Integer.parseInt(args[++a]);
        case "--digest" -> digestFile = Path.of(args[++a]);
        case "--scratch-dir" -> scratchDirectory = Path.of(args[++a]);
        case "--build-only" -> buildOnly = true;
        default -> throw new IllegalArgumentException("unknown option " + args[a]);
      }
    }
    if (Files.exists(indexDirectory) && !reuse) {
      try (var paths = Files.walk(indexDirectory)) {
        paths.sorted(Comparator.reverseOrder()).forEach(p -> p.toFile().delete());
      }
    }
    Files.createDirectories(indexDirectory);
    long bytes = Files.size(dump);
    OpenOptions options =
        OpenOptions.defaults().withIndexDirectory(indexDirectory).withScratchDirectory(scratchDirectory);
    PhaseLog phases = new PhaseLog(System.nanoTime());
    OpenOptions building = options.withProgress(phases);
    System.out.println("| step | seconds | figures |");
    System.out.println("|---|---|---|");
    long started = System.nanoTime();
    try (HeapDump heap = HeapDump.open(dump, reuse ? options : building)) {
      double seconds = seconds(started);
      if (reuse) {
        System.out.printf("| open (index reused) | %.2f | |%n", seconds);
      } else {
        row("index build", seconds, String.format(
            "%,d objects, %,d references, %.0f MB/s, %,.0f objects/s, peak heap %,d MB",
            heap.objectCount(), heap.referenceCount(), bytes / 1e6 / seconds, heap.objectCount() / seconds,
            PeakHeap.bytes() >> 20));
        // Reachability is known when the dominator tree's depth-first numbering ends (every object
        // it numbered is reachable) and the inversion, which runs beside it, has ended too: the
        // dominator phases then wait for the inbound edges before their predecessor pass.
        row("index with reachability", phases.startOf("predecessors"),
            "both reference directions, roots, sizes, reachability (the numbering)");
      }
    }
    if (buildOnly) {
      return;
    }
    started = System.nanoTime();
    try (HeapDump dumpFile = HeapDump.open(dump, options)) {
      row("reopen", seconds(started), "");
      Heap heap = Heap.of(dumpFile);
      StringBuilder digest = new StringBuilder();
      for (int round = 0; round < repeat; round++) {
        digest.setLength(0);
        queries(heap, round == repeat - 1 && digestFile != null ? digest : null);
      }
      if (digestFile != null) {
        Files.writeString(digestFile, digest);
      }
    }
  }

  private static void queries(Heap heap, StringBuilder digest) throws Exception {
    long started = System.nanoTime();
    ObjectSet all = ObjectSet.of(heap, heap.heap());
    row("heap()", seconds(started), String.format("%,d reachable objects", all.count()));
    for (String relation : new String[] {"clodo", "size", "rcs", "via"}) {
      started = System.nanoTime();
      ObjectSet partitioned = all.by(heap.relations().get(relation));
      int rows = partitioned.rowCount();
      row("by" + relation, seconds(started), String.format("%,d rows", rows));
      if (digest != null) {
        digest(digest, relation, partitioned.partition());
      }
    }
    started = System.nanoTime();
    heap.dominance().tree();
    row("dominator tree", seconds(started), String.format("peak heap %,d MB", PeakHeap.bytes() >> 20));
    ObjectSet row0 = all.row(0);
    started = System.nanoTime();
    long referrers = row0.referrers().count();
    row("row 0 referrers", seconds(started), String.format("%,d referrers of %,d objects", referrers, row0.count()));
    started = System.nanoTime();
    long domisize = row0.domisize();
    row("row 0 domisize", seconds(started), String.format("%,d bytes", domisize));
    if (digest != null) {
      digest.append(String.format("row 0: %,d objects, %,d referrers, domisize %,d%n", row0.count(), referrers,
          domisize));
    }
  }

  /** Appends the first rows of {@code partition} and a SHA-256 over all of them. */
  private static void digest(StringBuilder digest, String relation, Partition partition) throws Exception {
    MessageDigest sha = MessageDigest.getInstance("SHA-256");
    List<Row> rows = partition.rows();
    digest.append(String.format("by%s: %,d rows, %,d bytes%n", relation, rows.size(), partition.size()));
    for (int i = 0; i < rows.size(); i++) {
      Row row = rows.get(i);
      String line = String.format("%d %x %s %d %d%n", i, row.key(), row.label(), row.count(), row.size());
      sha.update(line.getBytes(StandardCharsets.UTF_8));
      if (i < 40) {
        digest.append(line);
      }
    }
    digest.append(String.format("sha256 %s%n", HexFormat.of().formatHex(sha.digest())));
  }

  /** Prints each phase change with the wall and process CPU seconds since the start, to stderr. */
  private static final class PhaseLog implements ProgressListener {
    private final long started;
    private final OperatingSystemMXBean os = (OperatingSystemMXBean) ManagementFactory.getOperatingSystemMXBean();
    private final long cpuAtStart = os.getProcessCpuTime();
    private final long[] machineAtStart = ProcessCpu.machineBusyStealTicksAndAllocatedPages();
    private final CompilationMXBean jit = ManagementFactory.getCompilationMXBean();
    private final long jitAtStart = jit.getTotalCompilationTime();
    private String phase = "";
    private final Map<String, Double> starts = new HashMap<>();

    PhaseLog(long started) {
      this.started = started;
    }

    /** Seconds from the start to the first report of {@code phase}, or NaN when there was none. */
    double startOf(String phase) {
      return starts.getOrDefault(phase, Double.NaN);
    }

    @Override
    public void progress(String phase, long done, long total) {
      if (!phase.equals(this.phase)) {
        this.phase = phase;
        starts.putIfAbsent(phase, seconds(started));
        long[] ticks = ProcessCpu.userAndSystemTicks();
        long[] machine = ProcessCpu.machineBusyStealTicksAndAllocatedPages();
        System.err.printf(
            "%7.1f s wall %7.1f s cpu (user %6.1f, sys %6.1f, jit %5.1f; machine busy %6.1f s, steal %4.1f s, allocated %5.2f GB) -> %s%n",
            seconds(started), (os.getProcessCpuTime() - cpuAtStart) / 1e9, ticks[0] / 100.0, ticks[1] / 100.0,
            (jit.getTotalCompilationTime() - jitAtStart) / 1e3, (machine[0] - machineAtStart[0]) / 100.0,
            (machine[1] - machineAtStart[1]) / 100.0, (machine[2] - machineAtStart[2]) * 4096 / 1e9, phase);
      }
    }
  }

  private static void row(String step, double seconds, String figures) {
    System.out.printf("| %s | %.2f | %s |%n", step, seconds, figures);
  }

  private static double seconds(long started) {
    return (System.nanoTime() - started) / 1e9;
  }

}
