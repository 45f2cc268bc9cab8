package org.hpq.hprof.fuzz;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.Map;
import org.hpq.testkit.ChildJvmDump;
import org.hpq.testkit.GzipFormats;
import org.hpq.testkit.HeapDumpResult;

/**
 * Writes the seed inputs of the fuzz targets into {@code src/test/resources} (run from the module
 * folder: {@code java -cp <test class path> org.hpq.hprof.fuzz.SeedCorpus}). The seeds are
 * committed; findings are added beside them by Jazzer as {@code crash-*} files.
 */
public final class SeedCorpus {
  /** How much of a real JDK dump a seed keeps: its header, strings and the first classes. */
  static final int REAL_PREFIX_BYTES = 48 * 1024;

  private SeedCorpus() {}

  public static void main(String[] arguments) throws Exception {
    Path resources = Path.of(arguments.length > 0 ? arguments[0] : "src/test/resources/org/hpq/hprof/fuzz");
    Path parse = Files.createDirectories(resources.resolve("HprofParserFuzzTestInputs/parse"));
    Path inflate = Files.createDirectories(resources.resolve("GzipFuzzTestInputs/inflate"));
    for (Map.Entry<String, byte[]> seed : SeedDumps.all().entrySet()) {
      Files.write(parse.resolve("seed-" + seed.getKey()), seed.getValue());
    }
    byte[] small = SeedDumps.all().get("every-record-segments");
    Files.write(inflate.resolve("seed-plain"), small);
    Files.write(inflate.resolve("seed-single-member"), GzipFormats.singleMember(small));
    Files.write(inflate.resolve("seed-chunked-1k"), GzipFormats.chunked(small, 1024));
    Files.write(inflate.resolve("seed-chunked-parts"), GzipFormats.chunkedInParts(small, 512, 700, 1900));
    Files.write(parse.resolve("seed-real-jdk-prefix"), realPrefix());
  }

  /** The first {@link #REAL_PREFIX_BYTES} of a dump of a small real JVM. */
  private static byte[] realPrefix() throws IOException, InterruptedException {
    Path folder = Files.createTempDirectory("hpq-seed-");
    HeapDumpResult result = ChildJvmDump.of(SeedChild.class).jvmOptions("-Xmx32m", "-XX:+UseSerialGC").dumpTo(folder);
    byte[] bytes = Files.readAllBytes(result.dumpFile());
    Scratch.delete(folder);
    return Arrays.copyOf(bytes, Math.min(bytes.length, REAL_PREFIX_BYTES));
  }
}
