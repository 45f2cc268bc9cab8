package org.hpq.shell.reliability;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.FileTime;
import java.nio.file.attribute.PosixFilePermissions;
import java.security.MessageDigest;
import java.util.HexFormat;
import org.hpq.hprof.HeapDump;
import org.hpq.hprof.OpenOptions;
import org.hpq.hprof.Strictness;
import org.hpq.shell.cli.Main;
import org.hpq.shell.fuzz.SmallHeap;
import org.hpq.shell.heap.HeapShell;
import org.hpq.shell.lang.CancellationToken;
import org.hpq.shell.lang.RenderOptions;
import org.hpq.shell.lang.Source;
import org.hpq.testkit.GzipFormats;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The dump is opened read-only and never changed: its bytes (SHA-256), modification time and
 * permissions are the same after indexing, querying, reopening with the index, and rebuilding a
 * damaged index; for plain dumps through the command line (index beside the dump), for gzip and
 * chunked gzip dumps through the API (inflated copy and member index in a cache folder).
 */
class DumpUntouchedTest {
  private static final String QUERIES =
      "h = hp.heap(); h.bytype; h.byrcs; h.byvia; h.byclodo; h.bysize; h.byid; h.sp; h.dominos; h.domisize; hp.heapu()";
  private static final FileTime OLD = FileTime.fromMillis(1_500_000_000_000L);

  @TempDir Path folder;

  private record Fingerprint(String sha256, FileTime modified, String permissions) {
    static Fingerprint of(Path file) throws Exception {
      byte[] hash = MessageDigest.getInstance("SHA-256").digest(Files.readAllBytes(file));
      return new Fingerprint(HexFormat.of().formatHex(hash), Files.getLastModifiedTime(file),
          PosixFilePermissions.toString(Files.getPosixFilePermissions(file)));
    }
  }

  private Path prepare(String name, byte[] bytes) throws Exception {
    Path file = Files.write(folder.resolve(name), bytes);
    Files.setPosixFilePermissions(file, PosixFilePermissions.fromString("rw-r-----"));
    Files.setLastModifiedTime(file, OLD);
    return file;
  }

  @Test
  void aPlainDumpIsUnchangedAfterIndexingAndQueryingOnTheCommandLine() throws Exception {
    Path file = prepare("plain.hprof", SmallHeap.bytes(200));
    Fingerprint before = Fingerprint.of(file);
    for (int round = 0; round < 2; round++) {
      ByteArrayOutputStream out = new ByteArrayOutputStream();
      int exit = Main.run(new PrintStream(out, true, StandardCharsets.UTF_8), new PrintStream(out, true, StandardCharsets.UTF_8),
          file.toString(), "-c", QUERIES);
      assertThat(exit).as(out.toString(StandardCharsets.UTF_8)).isZero();
      assertThat(Fingerprint.of(file)).as("round " + round).isEqualTo(before);
    }
    // A damaged index is rebuilt, and the dump is still untouched.
    Path index = file.resolveSibling("plain.hprof.hpqidx");
    assertThat(index).isDirectory();
    Files.write(index.resolve("ids.bin"), new byte[] {1, 2, 3});
    assertThat(Main.run(new PrintStream(new ByteArrayOutputStream()), new PrintStream(new ByteArrayOutputStream()),
        file.toString(), "-c", "hp.heap().count")).isZero();
    assertThat(Fingerprint.of(file)).isEqualTo(before);
  }

  @Test
  void gzipDumpsAreUnchangedAfterIndexingAndQuerying() throws Exception {
    byte[] plain = SmallHeap.bytes(200);
    for (Path file : new Path[] {
        prepare("single.hprof.gz", GzipFormats.singleMember(plain)), prepare("chunked.hprof.gz", GzipFormats.chunked(plain, 2048))}) {
      Fingerprint before = Fingerprint.of(file);
      OpenOptions options = OpenOptions.defaults().withCacheDirectory(folder.resolve("cache")).withStrictness(Strictness.WARN);
      for (int round = 0; round < 2; round++) {
        try (HeapDump dump = HeapDump.open(file, options);
            HeapShell shell = HeapShell.create(dump, options)) {
          shell.interpreter().execute(Source.of("q", QUERIES), CancellationToken.create(), value -> value.render(RenderOptions.DEFAULT));
        }
        assertThat(Fingerprint.of(file)).as(file + " round " + round).isEqualTo(before);
      }
    }
  }
}
