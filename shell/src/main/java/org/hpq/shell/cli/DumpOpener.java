package org.hpq.shell.cli;

import java.io.IOException;
import java.io.PrintWriter;
import java.nio.file.Path;
import org.hpq.hprof.HeapDump;
import org.hpq.hprof.HprofFormatException;
import org.hpq.hprof.OpenOptions;

/** Opens a dump for a command: progress bar on a terminal, warnings and index notes to stderr. */
final class DumpOpener {
  private DumpOpener() {}

  static HeapDump open(Path dump, DumpOptions options, PrintWriter err) throws IOException, HprofFormatException {
    boolean terminal = System.console() != null;
    OpenOptions openOptions = options.toOpenOptions(terminal ? err : null);
    try {
      HeapDump heap = HeapDump.open(dump, openOptions);
      if (heap.indexNote() != null) {
        err.println("hpq: " + heap.indexNote());
      }
      return heap;
    } finally {
      if (openOptions.progress() instanceof ProgressBar bar) {
        bar.finish();
      }
    }
  }

  /** Prints the dump's warnings, at most {@code limit}, to {@code err}. */
  static void printWarnings(HeapDump heap, PrintWriter err, int limit) {
    var warnings = heap.warnings();
    for (int i = 0; i < Math.min(limit, warnings.size()); i++) {
      err.println("hpq: warning: " + warnings.get(i));
    }
    if (warnings.size() > limit) {
      err.println("hpq: warning: " + (warnings.size() - limit) + " more warnings");
    }
  }
}
