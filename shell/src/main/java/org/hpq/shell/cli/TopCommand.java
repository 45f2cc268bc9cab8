package org.hpq.shell.cli;

import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonGenerator;
import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.PriorityQueue;
import java.util.concurrent.Callable;
import org.hpq.equivalence.Dominance;
import org.hpq.equivalence.Heap;
import org.hpq.hprof.HeapDump;
import org.hpq.hprof.JavaClass;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Spec;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

/** {@code hpq top DUMP}: the objects with the largest retained sizes. */
@Command(
    name = "top",
    mixinStandardHelpOptions = true,
    description = "List the objects with the largest retained sizes (exact, from the dominator tree).")
final class TopCommand implements Callable<Integer> {
  @Parameters(paramLabel = "DUMP", description = "The heap dump.")
  Path dump;

  @Option(names = {"-n", "--limit"}, description = "How many objects (default 20).", defaultValue = "20")
  int limit;

  @Option(names = "--json", description = "Print a JSON array of {id, class, name (of a class object), shallow, retained}.")
  boolean json;

  @Mixin DumpOptions options;

  @Spec CommandSpec spec;

  @Override
  public Integer call() throws Exception {
    if (limit < 0) {
      throw new IllegalArgumentException("--limit must not be negative");
    }
    PrintWriter out = spec.commandLine().getOut();
    PrintWriter err = spec.commandLine().getErr();
    try (HeapDump dumpFile = DumpOpener.open(dump, options, err, 5)) {
      Heap heap = Heap.of(dumpFile);
      Dominance dominance = heap.dominance();
      int[] top = largest(dumpFile, dominance, limit);
      if (json) {
        try (JsonGenerator generator = new JsonFactory().createGenerator(out)) {
          generator.disable(JsonGenerator.Feature.AUTO_CLOSE_TARGET);
          generator.writeStartArray();
          for (int object : top) {
            generator.writeStartObject();
            generator.writeStringField("id", String.format("0x%x", dumpFile.id(object)));
            generator.writeStringField("class", dumpFile.typeName(object));
            JavaClass described = dumpFile.classAtOrNull(object);
            if (described != null) {
              generator.writeStringField("name", described.name());
            }
            generator.writeNumberField("shallow", dumpFile.shallowSize(object));
            generator.writeNumberField("retained", dominance.retainedSize(object));
            generator.writeEndObject();
          }
          generator.writeEndArray();
        }
        out.println();
      } else {
        out.printf("%-18s %12s %14s  %s%n", "id", "shallow", "retained", "class");
        for (int object : top) {
          out.printf("0x%-16x %12d %14d  %s%n", dumpFile.id(object), dumpFile.shallowSize(object),
              dominance.retainedSize(object), label(dumpFile, object));
        }
      }
    }
    return ExitCodes.OK;
  }

  /** The class name, or for a class object {@code class NAME} (as {@code Class.toString}). */
  static String label(HeapDump dump, int object) {
    JavaClass described = dump.classAtOrNull(object);
    return described != null ? "class " + described.name() : dump.typeName(object);
  }

  /** The {@code limit} objects of largest retained size, largest first (ties: lower index first). */
  static int[] largest(HeapDump dump, Dominance dominance, int limit) {
    PriorityQueue<long[]> smallest =
        new PriorityQueue<>((a, b) -> a[0] != b[0] ? Long.compare(a[0], b[0]) : Long.compare(b[1], a[1]));
    for (int object = 0; object < dump.objectCount(); object++) {
      long retained = dominance.retainedSize(object);
      if (retained <= 0 || limit == 0) {
        continue;
      }
      if (smallest.size() < limit) {
        smallest.add(new long[] {retained, object});
      } else if (retained > smallest.peek()[0]) {
        smallest.poll();
        smallest.add(new long[] {retained, object});
      }
    }
    int[] result = new int[smallest.size()];
    for (int i = result.length - 1; i >= 0; i--) {
      result[i] = (int) smallest.poll()[1];
    }
    return result;
  }
}
