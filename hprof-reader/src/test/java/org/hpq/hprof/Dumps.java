package org.hpq.hprof;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.TreeMap;
import java.util.stream.Stream;
import org.hpq.testkit.HprofWriter;

/** Test helpers: write a synthetic dump into a temporary folder, open it, describe its edges. */
final class Dumps {
  private Dumps() {}

  /** Options for tests: the index in {@code folder}/index, the cache in {@code folder}/cache. */
  static OpenOptions options(Path folder, Strictness strictness) {
    return OpenOptions.defaults()
        .withIndexDirectory(folder.resolve("index"))
        .withCacheDirectory(folder.resolve("cache"))
        .withStrictness(strictness);
  }

  static HeapDump open(Path folder, HprofWriter writer) throws IOException, HprofFormatException {
    return open(folder, writer.toBytes(), Strictness.STRICT);
  }

  static HeapDump open(Path folder, HprofWriter writer, Strictness strictness)
      throws IOException, HprofFormatException {
    return open(folder, writer.toBytes(), strictness);
  }

  static HeapDump open(Path folder, byte[] bytes, Strictness strictness) throws IOException, HprofFormatException {
    Path file = write(folder, bytes);
    return HeapDump.open(file, options(folder, strictness));
  }

  /** Writes {@code bytes} to a new file in {@code folder}. */
  static Path write(Path folder, byte[] bytes) throws IOException {
    Files.createDirectories(folder);
    Path file = Files.createTempFile(folder, "dump-", ".hprof");
    Files.write(file, bytes);
    return file;
  }

  /** The data files of {@code dump}'s index by name, without those that name the build or its last check. */
  static TreeMap<String, byte[]> indexFiles(HeapDump dump) throws IOException {
    TreeMap<String, byte[]> files = new TreeMap<>();
    try (Stream<Path> paths = Files.list(dump.indexDirectory())) {
      for (Path path : paths.toList()) {
        String file = path.getFileName().toString();
        if (!file.equals("meta.bin") && !file.equals("index.properties") && !file.equals("verified.properties")) {
          files.put(file, Files.readAllBytes(path));
        }
      }
    }
    return files;
  }

  /** The object index of {@code id}; fails if the dump lacks it. */
  static int at(HeapDump dump, long id) {
    int index = dump.indexOf(id);
    if (index < 0) {
      throw new AssertionError(String.format("id 0x%x is not in the dump", id));
    }
    return index;
  }

  /**
   * The outbound edges of {@code object} as {@code label -> 0xID} (with {@code (weak)} for weak
   * edges), found through the inbound lists so that each edge's label is its own, sorted.
   */
  static List<String> outbound(HeapDump dump, int object) {
    List<String> edges = new ArrayList<>();
    for (int target = 0; target < dump.objectCount(); target++) {
      for (long p = dump.inbound().start(target); p < dump.inbound().end(target); p++) {
        if (dump.inbound().neighbour(p) == object) {
          edges.add(
              dump.labelText(dump.inboundLabel(p))
                  + " -> 0x"
                  + Long.toHexString(dump.id(target))
                  + (dump.inbound().isWeak(p) ? " (weak)" : ""));
        }
      }
    }
    edges.sort(null);
    return edges;
  }

  /** The outbound targets of {@code object} from the outbound lists, as sorted ids. */
  static List<String> outboundTargets(HeapDump dump, int object) {
    List<String> targets = new ArrayList<>();
    for (long p = dump.outbound().start(object); p < dump.outbound().end(object); p++) {
      targets.add("0x" + Long.toHexString(dump.id(dump.outbound().neighbour(object, p))) + (dump.outbound().isWeak(object, p) ? " (weak)" : ""));
    }
    targets.sort(null);
    return targets;
  }

  /** The inbound edges of {@code object} as {@code 0xSOURCE label}, sorted. */
  static List<String> inbound(HeapDump dump, int object) {
    List<String> edges = new ArrayList<>();
    for (long p = dump.inbound().start(object); p < dump.inbound().end(object); p++) {
      edges.add(
          "0x" + Long.toHexString(dump.id(dump.inbound().neighbour(p))) + " " + dump.labelText(dump.inboundLabel(p)));
    }
    edges.sort(null);
    return edges;
  }
}
