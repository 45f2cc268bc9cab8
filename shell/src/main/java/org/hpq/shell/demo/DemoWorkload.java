package org.hpq.shell.demo;

import com.sun.management.HotSpotDiagnosticMXBean;
import java.lang.management.ManagementFactory;
import java.lang.ref.WeakReference;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The demo heap's workload, run in a child JVM: a small package repository (the heapy
 * tutorial's kind of program) with records, metadata maps, duplicated strings, a cache that
 * leaks, and a weakly held index. It dumps its own heap to the path given and exits.
 */
public final class DemoWorkload {
  /** A package release, as a repository would keep it. */
  public record Release(String name, String version, Map<String, String> metadata, byte[] checksum,
      List<Release> dependencies) {}

  /** A repository of releases with a per-name index and a download cache. */
  public static final class Repository {
    final List<Release> releases = new ArrayList<>();
    final Map<String, Release> latest = new HashMap<>();
    final Map<String, byte[]> downloadCache = new LinkedHashMap<>();
    WeakReference<Map<String, Release>> searchIndex;
  }

  static Repository repository;

  private DemoWorkload() {}

  public static void main(String[] args) throws Exception {
    repository = build(3000);
    ManagementFactory.getPlatformMXBean(HotSpotDiagnosticMXBean.class).dumpHeap(args[0], true);
  }

  static Repository build(int packages) {
    Repository repository = new Repository();
    String[] licenses = {"MIT", "Apache-2.0", "BSD-3-Clause", "GPL-3.0", "EPL-2.0"};
    for (int p = 0; p < packages; p++) {
      String name = "package-" + p;
      for (int v = 0; v < 1 + p % 4; v++) {
        Map<String, String> metadata = new HashMap<>();
        // new String(...) on purpose: the duplicated strings a real loader would make.
        metadata.put("license", new String(licenses[p % licenses.length]));
        metadata.put("homepage", "https://example.org/" + name);
        metadata.put("summary", "The " + name + " package, release " + v);
        List<Release> dependencies = new ArrayList<>();
        for (int d = 1; d <= p % 3 && d <= repository.releases.size(); d++) {
          dependencies.add(repository.releases.get((p * 31 + d) % repository.releases.size()));
        }
        Release release = new Release(new String(name), v + ".0." + (p % 10), metadata, new byte[32], dependencies);
        repository.releases.add(release);
        repository.latest.put(name, release);
      }
      if (p % 5 == 0) {
        repository.downloadCache.put(name, new byte[2048 + (p % 7) * 512]);
      }
    }
    repository.searchIndex = new WeakReference<>(new HashMap<>(repository.latest));
    return repository;
  }
}
