package org.hpq.hprof.fuzz;

import com.code_intelligence.jazzer.junit.FuzzTest;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.zip.GZIPInputStream;
import org.hpq.hprof.io.CorruptGzipException;
import org.hpq.hprof.io.DumpSource;
import org.hpq.hprof.io.DumpSources;
import org.hpq.hprof.io.UnknownDumpFormatException;

/**
 * Coverage-guided fuzzing of the gzip layer ({@link DumpSources}: format detection, the chunked
 * member scanner and index, the inflated copy): any bytes either open as a source whose content is
 * what the JDK's own {@link GZIPInputStream} inflates (when that succeeds), read sequentially and
 * at scattered offsets, or fail with {@link CorruptGzipException} or {@link
 * UnknownDumpFormatException} naming the file. Seeds: plain, single-member gzip and chunked gzip
 * of small test-writer dumps; findings are replayed from {@code GzipFuzzTestInputs/inflate}.
 */
class GzipFuzzTest {
  private static final Path SCRATCH = Scratch.create("gzip");
  private static final int LIMIT = 1 << 24;

  @FuzzTest(maxDuration = "10m")
  void inflate(byte[] bytes) throws Exception {
    Path folder = Files.createTempDirectory(SCRATCH, "run-");
    try {
      Path file = Files.write(folder.resolve("fuzz.hprof.gz"), bytes);
      byte[] content;
      try (DumpSource source = DumpSources.open(file, folder.resolve("cache"))) {
        content = readAll(source);
        // Reopening reuses the saved member index (chunked) or the inflated copy (plain gzip).
        try (DumpSource again = DumpSources.open(file, folder.resolve("cache"))) {
          if (!Arrays.equals(readAll(again), content)) {
            throw new AssertionError("a reopened source reads different bytes");
          }
        }
      } catch (CorruptGzipException | UnknownDumpFormatException e) {
        if (e.getMessage() == null || !e.getMessage().contains("fuzz.hprof.gz")) {
          throw new AssertionError("error does not name the file: " + e.getMessage(), e);
        }
        return;
      }
      byte[] expected = jdkInflateOrNull(bytes);
      if (expected != null && !Arrays.equals(expected, content)) {
        throw new AssertionError(
            "inflated " + content.length + " bytes, but the JDK inflates " + expected.length + " different bytes");
      }
    } finally {
      Scratch.delete(folder);
    }
  }

  /** Reads the whole source in 4 KiB steps, then again backwards in 1000-byte steps. */
  private static byte[] readAll(DumpSource source) throws IOException {
    long length = source.length();
    if (length < 0 || length > LIMIT) {
      throw new AssertionError("implausible length " + length);
    }
    byte[] content = new byte[(int) length];
    int position = 0;
    while (position < content.length) {
      int read = source.read(position, content, position, Math.min(4096, content.length - position));
      if (read <= 0) {
        throw new AssertionError("read returned " + read + " at " + position + " of " + length);
      }
      position += read;
    }
    if (source.read(length, new byte[1], 0, 1) != -1) {
      throw new AssertionError("a read at the end did not return -1");
    }
    byte[] piece = new byte[1000];
    for (long offset = length == 0 ? -1 : (length - 1) / 1000 * 1000; offset >= 0; offset -= 1000) {
      int read = source.read(offset, piece, 0, piece.length);
      if (read <= 0 || !Arrays.equals(piece, 0, read, content, (int) offset, (int) offset + read)) {
        throw new AssertionError("a read at " + offset + " differs from the sequential read");
      }
    }
    return content;
  }

  /** What the JDK inflates from {@code bytes} (all members), or null if it refuses them. */
  private static byte[] jdkInflateOrNull(byte[] bytes) {
    try (GZIPInputStream in = new GZIPInputStream(new ByteArrayInputStream(bytes))) {
      ByteArrayOutputStream out = new ByteArrayOutputStream();
      in.transferTo(out);
      return out.toByteArray();
    } catch (IOException | RuntimeException e) {
      return null;
    }
  }
}
