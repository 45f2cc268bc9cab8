package org.hpq.hprof.realdumps;

import java.io.Closeable;
import java.io.IOException;
import java.nio.file.Path;
import org.hpq.hprof.HeapDump;
import org.hpq.hprof.HprofFormatException;
import org.hpq.hprof.OpenOptions;
import org.hpq.testkit.ChildJvmDump;
import org.hpq.testkit.HeapDumpResult;

/**
 * A scenario's dump taken from a child JVM and opened by the reader, with the histogram taken just
 * before it. Not thread-safe; close it to unmap the index.
 */
final class ScenarioDump implements Closeable {
  private final Scenario scenario;
  private final HeapDumpResult result;
  private final HeapDump dump;

  private ScenarioDump(Scenario scenario, HeapDumpResult result, HeapDump dump) {
    this.scenario = scenario;
    this.result = result;
    this.dump = dump;
  }

  /**
   * Runs the child, dumps it into {@code directory} and opens the dump with its index in {@code
   * directory/index} and the cache in {@code directory/cache}.
   */
  static ScenarioDump take(Scenario scenario, Path directory)
      throws IOException, InterruptedException, HprofFormatException {
    HeapDumpResult result = scenario.childDump().dumpTo(directory);
    HeapDump dump = HeapDump.open(result.dumpFile(), OpenOptions.defaults()
        .withIndexDirectory(directory.resolve("index"))
        .withCacheDirectory(directory.resolve("cache")));
    return new ScenarioDump(scenario, result, dump);
  }

  /** Whether the scenario's JDK is installed; tests are skipped when it is not. */
  static boolean jdkPresent(Scenario scenario) {
    return ChildJvmDump.jdkExists(scenario.javaHome());
  }

  Scenario scenario() {
    return scenario;
  }

  HeapDumpResult result() {
    return result;
  }

  HeapDump dump() {
    return dump;
  }

  @Override
  public void close() throws IOException {
    dump.close();
  }
}
