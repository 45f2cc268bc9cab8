package org.hpq.shell.cli;

import java.io.IOException;
import java.io.PrintWriter;
import java.nio.file.Path;
import org.hpq.hprof.HeapDump;
import org.hpq.hprof.HprofFormatException;
import org.hpq.hprof.OpenOptions;

/**
 * Opens a dump for a command: progress bar on a terminal, index notes and the dump's warnings (what
 * a permissive read lost, references dropped) to stderr, for every command alike.
 */
final class DumpOpener {
  private DumpOpener() {}

  /** Opens {@code dump} and prints at most {@code warningLimit} of its warnings to {@code err}. */
  static HeapDump open(Path dump, DumpOptions options, PrintWriter err, int warningLimit)
      throws IOException, HprofFormatException {
    boolean terminal = System.console() != null;
    OpenOptions openOptions = options.toOpenOptions(terminal ? err : null);
    HeapDump heap;
    try {
      heap = HeapDump.open(dump, openOptions);
    } finally {
      if (openOptions.progress() instanceof ProgressBar bar) {
        bar.finish();
      }
    }
    // After the progress bar has ended its line.
    if (heap.indexNote() != null) {
      err.println("hpq: " + heap.indexNote());
    }
    printWarnings(heap, err, warningLimit);
    return heap;
  }

  /** Prints the dump's warnings, at most {@code limit}, to {@code err}. */
  private static void printWarnings(HeapDump heap, PrintWriter err, int limit) {
    var warnings = heap.warnings();
    for (int i = 0; i < Math.min(limit, warnings.size()); i++) {
      err.println("hpq: warning: " + warnings.get(i));
    }
    if (warnings.size() > limit) {
      err.println("hpq: warning: " + (warnings.size() - limit) + " more warnings");
    }
  }
}
