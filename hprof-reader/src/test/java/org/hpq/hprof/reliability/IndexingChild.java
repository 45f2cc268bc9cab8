package org.hpq.hprof.reliability;

import java.nio.file.Path;
import org.hpq.hprof.HeapDump;
import org.hpq.hprof.OpenOptions;
import org.hpq.hprof.Strictness;
import org.hpq.hprof.fuzz.DumpChecks;

/**
 * A child process that opens (and so indexes) a dump: {@code IndexingChild DUMP INDEX-FOLDER}.
 * Prints {@code STARTED}, then {@code DIGEST <n>} (of everything read from the dump) and {@code
 * NOTE <index note>}. Killed at random points by {@link IndexCrashTest}.
 */
public final class IndexingChild {
  private IndexingChild() {}

  public static void main(String[] arguments) throws Exception {
    System.out.println("STARTED");
    System.out.flush();
    OpenOptions options = options(Path.of(arguments[1]));
    try (HeapDump dump = HeapDump.open(Path.of(arguments[0]), options)) {
      System.out.println("DIGEST " + DumpChecks.readEverything(dump));
      System.out.println("NOTE " + dump.indexNote());
    }
  }

  /** The options parent and child both use: the index in {@code folder}. */
  static OpenOptions options(Path folder) {
    return OpenOptions.defaults()
        .withIndexDirectory(folder)
        .withCacheDirectory(folder.resolve("cache"))
        .withStrictness(Strictness.WARN);
  }
}
