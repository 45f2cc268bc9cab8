package org.hpq.shell.cli;

import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonGenerator;
import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.concurrent.Callable;
import org.hpq.equivalence.Heap;
import org.hpq.equivalence.ObjectSet;
import org.hpq.equivalence.ReferenceChains;
import org.hpq.equivalence.json.JsonValues;
import org.hpq.hprof.HeapDump;
import org.hpq.hprof.paths.WeakEdges;
import org.hpq.setalgebra.NodeSet;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Spec;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

/** {@code hpq paths DUMP ID}: the shortest paths from the GC roots to one object. */
@Command(
    name = "paths",
    mixinStandardHelpOptions = true,
    description = "Print the shortest paths from the GC roots to an object, as reference chains.")
final class PathsCommand implements Callable<Integer> {
  @Parameters(index = "0", paramLabel = "DUMP", description = "The heap dump.")
  Path dump;

  @Parameters(index = "1", paramLabel = "ID", description = "The object's id: hex (0x7f00...) or decimal.")
  String id;

  @Option(names = {"-n", "--limit"}, description = "List at most N paths (default 20).", defaultValue = "20")
  int limit;

  @Option(names = "--skip-weak", description = "Skip weak, soft and phantom referents (Reference.referent), as MAT.")
  boolean skipWeak;

  @Option(names = "--json", description = "Print {length, pathCount, targetCount, paths} as JSON.")
  boolean json;

  @Mixin DumpOptions options;

  @Spec CommandSpec spec;

  @Override
  public Integer call() throws Exception {
    long objectId = parseId(id);
    if (limit < 0) {
      throw new IllegalArgumentException("--limit must not be negative");
    }
    PrintWriter out = spec.commandLine().getOut();
    PrintWriter err = spec.commandLine().getErr();
    try (HeapDump dumpFile = DumpOpener.open(dump, options, err, 5)) {
      int node = dumpFile.indexOf(objectId);
      if (node < 0) {
        throw new IllegalArgumentException(String.format("no object with id 0x%x in %s", objectId, dump));
      }
      Heap heap = Heap.of(dumpFile);
      ReferenceChains chains =
          ObjectSet.of(heap, NodeSet.of(node)).sp(skipWeak ? WeakEdges.SKIP : WeakEdges.FOLLOW, limit);
      if (json) {
        try (JsonGenerator generator = new JsonFactory().createGenerator(out)) {
          generator.disable(JsonGenerator.Feature.AUTO_CLOSE_TARGET);
          JsonValues.write(generator, chains, -1);
        }
        out.println();
      } else {
        out.print(chains.render(0, -1, 200));
      }
      return chains.found() ? ExitCodes.OK : ExitCodes.QUERY;
    }
  }

  static long parseId(String text) {
    try {
      String trimmed = text.trim();
      return trimmed.startsWith("0x") || trimmed.startsWith("0X")
          ? Long.parseUnsignedLong(trimmed.substring(2), 16)
          : Long.parseLong(trimmed);
    } catch (NumberFormatException e) {
      throw new IllegalArgumentException("ID must be hex (0x7f00) or decimal, not '" + text + "'");
    }
  }
}
