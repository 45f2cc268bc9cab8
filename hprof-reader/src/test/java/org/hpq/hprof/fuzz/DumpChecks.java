package org.hpq.hprof.fuzz;

import java.io.IOException;
import java.nio.file.Path;
import java.util.List;
import org.hpq.hprof.FieldValue;
import org.hpq.hprof.GcRoot;
import org.hpq.hprof.HeapDump;
import org.hpq.hprof.HprofFormatException;
import org.hpq.hprof.OpenOptions;
import org.hpq.hprof.io.CorruptGzipException;
import org.hpq.hprof.io.UnknownDumpFormatException;

/**
 * The oracle shared by the reader's fuzz targets: opening any bytes either gives a dump that can
 * be read in full, or one of the documented exceptions with a message that says where. Anything
 * else (another exception, an "internal error", an {@link Error}) is a finding.
 */
public final class DumpChecks {
  private DumpChecks() {}

  /**
   * Opens {@code file}; returns null after checking that a failure was a documented one.
   *
   * @throws AssertionError for an undocumented failure (the cause attached)
   */
  public static HeapDump openOrNull(Path file, OpenOptions options) throws IOException {
    try {
      return HeapDump.open(file, options);
    } catch (HprofFormatException e) {
      // The reader wraps its own bugs (a RuntimeException) as an "internal error" with the cause.
      if (e.getCause() instanceof RuntimeException || e.getCause() instanceof Error || !e.getMessage().contains("offset 0x")) {
        throw new AssertionError("undocumented failure: " + e.getMessage(), e);
      }
      return null;
    } catch (UnknownDumpFormatException | CorruptGzipException e) {
      if (e.getMessage() == null || !e.getMessage().contains(file.getFileName().toString())) {
        throw new AssertionError("a format error that does not name the file: " + e.getMessage(), e);
      }
      return null;
    }
  }

  /**
   * Reads every object's type, size, fields, string text, array elements and referrer labels,
   * every root, and the dominator tree; returns a number that depends on all of it (so nothing is
   * optimized away, and two reads of the same dump can be compared).
   */
  public static long readEverything(HeapDump dump) {
    long digest = dump.objectCount() * 31L + dump.referenceCount();
    for (int object = 0; object < dump.objectCount(); object++) {
      digest = digest * 31 + dump.id(object);
      digest = digest * 31 + dump.typeName(object).hashCode();
      digest = digest * 31 + dump.shallowSize(object);
      digest = digest * 31 + dump.retainedSize(object);
      List<FieldValue> fields = dump.fields(object);
      for (FieldValue field : fields) {
        digest = digest * 31 + field.text().hashCode();
      }
      String text = dump.stringValue(object);
      digest = digest * 31 + (text == null ? 0 : text.hashCode());
      long length = dump.arrayLength(object);
      if (length > 0) {
        for (long element : dump.arrayElements(object, 0, 64)) {
          digest = digest * 31 + element;
        }
      }
      for (long p = dump.inbound().start(object); p < dump.inbound().end(object); p++) {
        digest = digest * 31 + dump.labelText(dump.inboundLabel(p)).hashCode();
      }
    }
    for (GcRoot root : dump.roots()) {
      digest = digest * 31 + root.label().hashCode();
    }
    for (String warning : dump.warnings()) {
      digest = digest * 31 + warning.hashCode();
    }
    return digest;
  }
}
