package org.hpq.testkit.workloads;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.zip.GZIPInputStream;
import org.hpq.testkit.ChildJvmDump;
import org.hpq.testkit.HeapDumpResult;
import org.hpq.testkit.KnownGraphExpectations;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Dumps {@link KnownGraph} in real child JVMs and checks the files against the histogram. */
class KnownGraphDumpTest {
  @TempDir Path directory;

  @Test
  void jdk17LiveDump() throws Exception {
    HeapDumpResult result = dump(ChildJvmDump.of(KnownGraph.class).jvmOptions("-Xmx64m"));

    byte[] file = Files.readAllBytes(result.dumpFile());
    assertThat(result.javaMajorVersion()).isEqualTo(Runtime.version().feature());
    assertThat(new String(file, 0, 19, StandardCharsets.US_ASCII)).isEqualTo("JAVA PROFILE 1.0.2\0");
    assertThat(result.histogramFile()).exists().isNotEmptyFile();
    assertThat(result.histogram().bytes(KnownGraph.ITEM_CLASS_NAME))
        .as(result.childOutput())
        .isEqualTo((long) KnownGraph.ITEM_COUNT * KnownGraph.ITEM_SIZE_COMPRESSED_OOPS);
    KnownGraphExpectations.checkLive(file, result);
  }

  @Test
  void jdk17GzipDumpIsChunked() throws Exception {
    HeapDumpResult result = dump(ChildJvmDump.of(KnownGraph.class).jvmOptions("-Xmx64m").gzipLevel(1));

    byte[] compressed = Files.readAllBytes(result.dumpFile());
    assertThat(result.dumpFile().getFileName().toString()).endsWith(".hprof.gz");
    assertThat(compressed[0] & 0xFF).isEqualTo(0x1f);
    assertThat(compressed[3]).isEqualTo((byte) 0x10);
    assertThat(new String(compressed, 10, 23, StandardCharsets.ISO_8859_1))
        .isEqualTo("HPROF BLOCKSIZE=1048576");
    KnownGraphExpectations.checkLive(inflate(result.dumpFile()), result);
  }

  @Test
  void jdk17AllObjectsDumpKeepsTheWeakTarget() throws Exception {
    HeapDumpResult result = dump(ChildJvmDump.of(KnownGraph.class).jvmOptions("-Xmx64m").allObjects(true));

    assertThat(result.histogram().instances(KnownGraph.WEAK_TARGET_CLASS_NAME))
        .as(result.childOutput()).isEqualTo(KnownGraph.WEAK_TARGET_COUNT_ALL);
    KnownGraphExpectations.checkAll(Files.readAllBytes(result.dumpFile()), result);
  }

  @Test
  void jdk17WithoutCompressedOops() throws Exception {
    HeapDumpResult result = dump(ChildJvmDump.of(KnownGraph.class)
        .jvmOptions("-Xmx64m", "-XX:-UseCompressedOops"));

    assertThat(result.histogram().bytes(KnownGraph.ITEM_CLASS_NAME))
        .as(result.childOutput())
        .isEqualTo((long) KnownGraph.ITEM_COUNT * KnownGraph.ITEM_SIZE_WITHOUT_COMPRESSED_OOPS);
    KnownGraphExpectations.checkLive(Files.readAllBytes(result.dumpFile()), result);
  }

  @Test
  void jdk17InProcessDump() throws Exception {
    HeapDumpResult result = dump(ChildJvmDump.of(KnownGraph.class).jvmOptions("-Xmx64m").inProcess(true));

    KnownGraphExpectations.checkLive(Files.readAllBytes(result.dumpFile()), result);
  }

  @Test
  void jdk25LiveDumpIfInstalled() throws Exception {
    assumeTrue(ChildJvmDump.jdkExists(ChildJvmDump.TEMURIN_25),
        "JDK 25 not installed at " + ChildJvmDump.TEMURIN_25 + "; skipping");
    HeapDumpResult result = dump(ChildJvmDump.of(KnownGraph.class)
        .javaHome(ChildJvmDump.TEMURIN_25).jvmOptions("-Xmx64m").gzipLevel(1));

    assertThat(result.javaMajorVersion()).isEqualTo(25);
    assertThat(result.histogram().bytes(KnownGraph.ITEM_CLASS_NAME))
        .as(result.childOutput())
        .isEqualTo((long) KnownGraph.ITEM_COUNT * KnownGraph.ITEM_SIZE_COMPRESSED_OOPS);
    KnownGraphExpectations.checkLive(inflate(result.dumpFile()), result);
  }

  private HeapDumpResult dump(ChildJvmDump child) throws IOException, InterruptedException {
    return child.timeout(java.time.Duration.ofSeconds(90)).dumpTo(directory);
  }

  private static byte[] inflate(Path gzip) throws IOException {
    try (InputStream in = new GZIPInputStream(Files.newInputStream(gzip))) {
      return in.readAllBytes();
    }
  }
}
