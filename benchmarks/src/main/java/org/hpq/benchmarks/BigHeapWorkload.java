package org.hpq.benchmarks;

import java.io.BufferedReader;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * A child-JVM workload for the benchmark dump: fills the heap with records, maps of metadata and
 * duplicated strings (a package repository, like the heapy tutorial's), prints {@code READY pid}
 * and waits on stdin so that {@code jcmd PID GC.heap_dump} can take the dump.
 *
 * <p>Usage: {@code java -Xmx8g -cp benchmarks.jar org.hpq.benchmarks.BigHeapWorkload PACKAGES}.
 * Each package holds about 12 objects; 7.5 million packages give about 90 million objects.
 */
public final class BigHeapWorkload {
  /** One package of the repository. */
  record Package(String name, String version, Map<String, String> metadata, byte[] digest, List<Package> dependsOn) {}

  static final List<Package> REPOSITORY = new ArrayList<>();
  static final Map<String, Package> BY_NAME = new HashMap<>();

  private BigHeapWorkload() {}

  public static void main(String[] args) throws Exception {
    int packages = Integer.parseInt(args[0]);
    String[] licenses = {"MIT", "Apache-2.0", "BSD-3-Clause", "GPL-2.0", "EPL-2.0"};
    for (int i = 0; i < packages; i++) {
      Map<String, String> metadata = new HashMap<>(4);
      metadata.put("license", licenses[i % licenses.length]);
      metadata.put("homepage", "https://example.org/p/" + (i % 1000));
      List<Package> depends = new ArrayList<>(2);
      if (i > 0) {
        depends.add(REPOSITORY.get((int) (((long) i * 7919) % i)));
      }
      Package p = new Package("pkg-" + i, (i % 17) + ".0", metadata, new byte[16 + (i % 32)], depends);
      REPOSITORY.add(p);
      if (i % 2 == 0) {
        BY_NAME.put(p.name(), p);
      }
      if (i % 1_000_000 == 0) {
        System.err.println("built " + i);
      }
    }
    System.out.println("READY " + ProcessHandle.current().pid());
    System.out.flush();
    BufferedReader in = new BufferedReader(new InputStreamReader(System.in, StandardCharsets.UTF_8));
    in.readLine();
    System.out.println(REPOSITORY.size() + BY_NAME.size());
  }
}
