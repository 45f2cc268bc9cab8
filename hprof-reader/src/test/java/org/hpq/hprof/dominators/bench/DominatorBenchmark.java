package org.hpq.hprof.dominators.bench;

import java.lang.management.ManagementFactory;
import java.lang.management.MemoryPoolMXBean;
import java.lang.management.MemoryType;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.SplittableRandom;
import org.hpq.hprof.dominators.DominatorCertificate;
import org.hpq.hprof.dominators.DominatorTree;
import org.hpq.hprof.dominators.Dominos;
import org.hpq.hprof.dominators.ObjectGraph;
import org.hpq.hprof.dominators.TaskMonitor;
import org.hpq.hprof.graph.Csr;
import org.hpq.hprof.paths.ShortestPathResult;
import org.hpq.hprof.paths.ShortestPaths;
import org.hpq.hprof.paths.WeakEdges;
import org.hpq.hprof.store.BigArrays;
import org.hpq.hprof.store.IntArray;
import org.hpq.hprof.store.LongArray;

/**
 * Times the dominator tree, its certificate, a set walk and a shortest-path search on a random
 * heap-like graph held in memory-mapped scratch files. Not a test; run by hand, e.g.
 *
 * <pre>
 * java -Xmx256m -cp hprof-reader/target/classes:hprof-reader/target/test-classes \
 *     org.hpq.hprof.dominators.bench.DominatorBenchmark 20000000 50000000 /tmp/hpq-bench
 * </pre>
 *
 * (the third argument {@code heap} keeps all arrays on the Java heap instead, for comparison).
 *
 * The graph: every node refers to a few others, mostly near it (like fields of objects allocated
 * together), sometimes anywhere (shared objects), 1% of edges weak; 10,000 roots.
 */
public final class DominatorBenchmark {
  private DominatorBenchmark() {}

  public static void main(String[] arguments) throws Exception {
    int nodes = arguments.length > 0 ? Integer.parseInt(arguments[0]) : 20_000_000;
    long edges = arguments.length > 1 ? Long.parseLong(arguments[1]) : 50_000_000L;
    String where = arguments.length > 2 ? arguments[2] : "/tmp/hpq-bench";
    BigArrays arrays;
    if (where.equals("heap")) {
      arrays = BigArrays.onHeap();
    } else {
      Path directory = Path.of(where);
      Files.createDirectories(directory);
      arrays = BigArrays.scratchIn(directory);
    }
    cpuStart = ManagementFactory.getThreadMXBean().getCurrentThreadCpuTime();
    long start = System.nanoTime();
    ObjectGraph graph = generate(nodes, edges, arrays, new SplittableRandom(42));
    report("generate + transpose", start);

    start = System.nanoTime();
    DominatorTree tree = DominatorTree.compute(graph, arrays, phases());
    report("DominatorTree.compute", start);
    long reachable = 0;
    long strong = 0;
    for (int node = 0; node < nodes; node++) {
      reachable += tree.isReachable(node) ? 1 : 0;
      strong += tree.isStronglyReachable(node) ? 1 : 0;
    }
    System.out.printf("reachable %d, strongly reachable %d%n", reachable, strong);
    cpuStart = ManagementFactory.getThreadMXBean().getCurrentThreadCpuTime();

    start = System.nanoTime();
    List<String> violations = DominatorCertificate.check(graph, tree, arrays, 10, TaskMonitor.NONE);
    report("DominatorCertificate.check (" + violations.size() + " violations)", start);

    start = System.nanoTime();
    long domisize =
        Dominos.domisize(graph, tree, new int[] {graph.root(0), graph.root(1)}, arrays, TaskMonitor.NONE);
    report("Dominos.domisize of two roots (walk), " + domisize + " bytes", start);

    start = System.nanoTime();
    ShortestPathResult paths =
        ShortestPaths.find(graph, node -> node == nodes - 1, WeakEdges.FOLLOW, 10, arrays, TaskMonitor.NONE);
    report("ShortestPaths.find, length " + paths.length() + ", " + paths.pathCount() + " paths", start);
    for (MemoryPoolMXBean pool : ManagementFactory.getMemoryPoolMXBeans()) {
      if (pool.getType() == MemoryType.HEAP) {
        System.out.printf("peak heap %s: %d MB%n", pool.getName(), pool.getPeakUsage().getUsed() >> 20);
      }
    }
    System.out.printf("max heap %d MB%n", Runtime.getRuntime().maxMemory() >> 20);
  }

  private static long cpuStart;

  private static long cpuNow() {
    return ManagementFactory.getThreadMXBean().getCurrentThreadCpuTime();
  }

  /**
   * A monitor that prints how long each phase took, to about 0.1 s (reports are throttled), when
   * the system property {@code phases} is set.
   */
  private static TaskMonitor phases() {
    if (System.getProperty("phases") == null) {
      return TaskMonitor.NONE;
    }
    String[] current = {null};
    long[] since = {System.nanoTime(), cpuNow()};
    return TaskMonitor.of(
        () -> false,
        (phase, done, total) -> {
          if (!phase.equals(current[0])) {
            long now = System.nanoTime();
            long cpu = cpuNow();
            if (current[0] != null) {
              System.out.printf(
                  "  phase %-24s ~%6.2f s wall ~%6.2f s cpu%n",
                  current[0], (now - since[0]) / 1e9, (cpu - since[1]) / 1e9);
            }
            current[0] = phase;
            since[0] = now;
            since[1] = cpu;
          }
        });
  }

  /** Prints wall and CPU time since {@code start}: the machine may be shared, CPU time is fairer. */
  private static void report(String what, long start) {
    long cpu = ManagementFactory.getThreadMXBean().getCurrentThreadCpuTime();
    System.out.printf(
        "%-64s %8.2f s wall %8.2f s cpu%n",
        what, (System.nanoTime() - start) / 1e9, (cpu - cpuStart) / 1e9);
    cpuStart = ManagementFactory.getThreadMXBean().getCurrentThreadCpuTime();
  }

  private static ObjectGraph generate(int nodes, long edges, BigArrays arrays, SplittableRandom random) {
    LongArray offsets = arrays.newLongArray(nodes + 1L);
    IntArray neighbours = arrays.newIntArray(edges);
    LongArray weakBits = arrays.newLongArray((edges + 63) >>> 6);
    double perNode = (double) edges / nodes;
    long position = 0;
    for (int node = 0; node < nodes; node++) {
      offsets.set(node, position);
      long wanted = Math.min(edges, Math.round((node + 1) * perNode));
      for (; position < wanted; position++) {
        int target =
            random.nextInt(4) == 0
                ? random.nextInt(nodes)
                : Math.floorMod(node + 1 + random.nextInt(64), nodes);
        neighbours.set(position, target);
        if (random.nextInt(100) == 0) {
          weakBits.set(position >>> 6, weakBits.get(position >>> 6) | (1L << (position & 63)));
        }
      }
    }
    offsets.set(nodes, position);
    Csr outbound = new Csr(offsets, neighbours, weakBits);
    int[] roots = new int[10_000];
    for (int index = 0; index < roots.length; index++) {
      roots[index] = random.nextInt(nodes);
    }
    LongArray shallow = arrays.newLongArray(nodes);
    for (int node = 0; node < nodes; node++) {
      shallow.set(node, 16 + 8L * random.nextInt(8));
    }
    return ObjectGraph.of(outbound, roots, shallow, arrays);
  }
}
