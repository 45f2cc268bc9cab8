package org.hpq.shell.cli;

import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonGenerator;
import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.Callable;
import org.hpq.hprof.HeapDump;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Spec;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

/** {@code hpq histogram DUMP}: the class histogram of the reachable objects. */
@Command(
    name = "histogram",
    mixinStandardHelpOptions = true,
    description = "Print the class histogram of the reachable objects, largest shallow size first.")
final class HistogramCommand implements Callable<Integer> {
  @Parameters(paramLabel = "DUMP", description = "The heap dump.")
  Path dump;

  @Option(names = "--json", description = "Print a JSON array of {class, count, shallow}.")
  boolean json;

  @Option(names = {"-n", "--limit"}, description = "Print at most N classes (default: all).", defaultValue = "-1")
  int limit;

  @Mixin DumpOptions options;

  @Spec CommandSpec spec;

  @Override
  public Integer call() throws Exception {
    PrintWriter out = spec.commandLine().getOut();
    PrintWriter err = spec.commandLine().getErr();
    try (HeapDump heap = DumpOpener.open(dump, options, err, 5)) {
      List<ClassHistogram.Row> rows = ClassHistogram.of(heap);
      // The total counts every reachable object, as jcmd's does, even when fewer rows are shown.
      long count = 0;
      long bytes = 0;
      for (ClassHistogram.Row row : rows) {
        count += row.count();
        bytes += row.shallow();
      }
      if (limit >= 0 && rows.size() > limit) {
        rows = rows.subList(0, limit);
      }
      if (json) {
        try (JsonGenerator generator = new JsonFactory().createGenerator(out)) {
          generator.disable(JsonGenerator.Feature.AUTO_CLOSE_TARGET);
          generator.writeStartArray();
          for (ClassHistogram.Row row : rows) {
            generator.writeStartObject();
            generator.writeStringField("class", row.className());
            generator.writeNumberField("count", row.count());
            generator.writeNumberField("shallow", row.shallow());
            generator.writeEndObject();
          }
          generator.writeEndArray();
        }
        out.println();
      } else {
        out.printf("%6s %12s %15s  %s%n", "num", "#instances", "#bytes", "class name");
        out.println("-".repeat(60));
        int number = 1;
        for (ClassHistogram.Row row : rows) {
          out.printf("%5d: %12d %15d  %s%n", number++, row.count(), row.shallow(), row.className());
        }
        out.printf("Total %12d %15d%n", count, bytes);
      }
    }
    return ExitCodes.OK;
  }
}
