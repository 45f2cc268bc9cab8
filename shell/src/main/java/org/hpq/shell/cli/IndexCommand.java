package org.hpq.shell.cli;

import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.concurrent.Callable;
import org.hpq.hprof.HeapDump;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Spec;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Parameters;

/** {@code hpq index DUMP}: builds (or reuses) the index and prints a summary. */
@Command(
    name = "index",
    mixinStandardHelpOptions = true,
    description = "Build (or reuse) the index of a dump and print a summary.")
final class IndexCommand implements Callable<Integer> {
  @Parameters(paramLabel = "DUMP", description = "The heap dump (.hprof, .hprof.gz).")
  Path dump;

  @Mixin DumpOptions options;

  @Spec CommandSpec spec;

  @Override
  public Integer call() throws Exception {
    long started = System.nanoTime();
    PrintWriter out = spec.commandLine().getOut();
    PrintWriter err = spec.commandLine().getErr();
    try (HeapDump heap = DumpOpener.open(dump, options, err, 20)) {
      double seconds = (System.nanoTime() - started) / 1e9;
      HeapSummary summary = HeapSummary.of(heap);
      out.printf("Dump:        %s (%s, %d-byte ids, heap dump %d of %d)%n", dump, heap.version(), heap.idSize(),
          heap.heapDumpNumber() + 1, heap.heapDumpCount());
      out.printf("Index:       %s%n", heap.indexDirectory());
      out.printf("Objects:     %,d (%,d instances, %,d arrays, %,d classes)%n", heap.objectCount(),
          summary.instances(), summary.arrays(), summary.classes());
      out.printf("References:  %,d%n", heap.referenceCount());
      out.printf("GC roots:    %,d%n", heap.roots().size());
      out.printf("Reachable:   %,d objects, %,d bytes%n", summary.reachableCount(), summary.reachableBytes());
      out.printf("Unreachable: %,d objects, %,d bytes%n", summary.unreachableCount(), summary.unreachableBytes());
      out.printf("Layout:      %s%n", heap.sizeModel());
      out.printf("Time:        %.2f s to open (index build took %.2f s, peak heap %,d MB)%n", seconds,
          heap.buildSeconds(), heap.buildPeakHeap() >> 20);
      out.printf("Peak heap:   %,d MB in this process%n", org.hpq.hprof.PeakHeap.bytes() >> 20);
      if (!heap.warnings().isEmpty()) {
        out.printf("Warnings:    %d (see stderr)%n", heap.warnings().size());
      }
    }
    return ExitCodes.OK;
  }
}
