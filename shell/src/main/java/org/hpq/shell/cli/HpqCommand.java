package org.hpq.shell.cli;

import java.io.PrintWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.concurrent.Callable;
import org.hpq.hprof.HeapDump;
import org.hpq.hprof.OpenOptions;
import org.hpq.shell.heap.HeapShell;
import org.hpq.shell.demo.DemoHeap;
import org.hpq.shell.lang.Source;
import org.hpq.shell.repl.OutputMode;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Spec;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

/** The top-level {@code hpq} command: opens the shell on a dump, or runs statements. */
@Command(
    name = "hpq",
    mixinStandardHelpOptions = true,
    version = "hpq 0.1.0",
    description = {
      "A heap-set query shell for Java heap dumps (HPROF), in the style of heapy.",
      "With no DUMP it opens a built-in demo heap. Type help() in the shell."
    },
    subcommands = {IndexCommand.class, HistogramCommand.class, TopCommand.class, PathsCommand.class,
        picocli.AutoComplete.GenerateCompletion.class})
final class HpqCommand implements Callable<Integer> {
  @Parameters(paramLabel = "DUMP", arity = "0..1", description = "The heap dump (.hprof or .hprof.gz); none: the demo heap.")
  Path dump;

  @Option(names = {"-c", "--command"}, paramLabel = "STATEMENTS", description = "Run these statements and exit.")
  String command;

  @Option(names = {"-f", "--file"}, paramLabel = "SCRIPT", description = "Run the statements of a .hpq script and exit.")
  Path script;

  @Option(names = "--json", description = "Print each value as one JSON document per line (JSON Lines).")
  boolean json;

  @Option(names = "--pid", paramLabel = "PID", description = "Dump the running JVM PID (with jcmd) and open the dump.")
  Long pid;

  @Mixin DumpOptions options;

  @Spec CommandSpec spec;

  @Override
  public Integer call() throws Exception {
    if (command != null && script != null) {
      throw new IllegalArgumentException("give -c or -f, not both");
    }
    if (pid != null && dump != null) {
      throw new IllegalArgumentException("give a DUMP or --pid, not both");
    }
    boolean interactive = command == null && script == null;
    PrintWriter out = spec.commandLine().getOut();
    PrintWriter err = spec.commandLine().getErr();
    OpenOptions openOptions = options.toOpenOptions(null);
    Path target = dump;
    if (pid != null) {
      target = LiveDump.take(pid, openOptions.cacheDirectory());
    } else if (target == null) {
      target = DemoHeap.ensure(openOptions.cacheDirectory());
    }
    try (HeapDump heap = DumpOpener.open(target, options, err, 5)) {
      HeapShell shell = HeapShell.create(heap, openOptions);
      try {
        if (interactive) {
          return shell.runInteractive(json ? OutputMode.JSON : OutputMode.TEXT, options.debug,
              dump == null && pid == null ? "hpq demo heap (a package repository). Try: h = hp.heap(); h.byrcs" : null);
        }
        String text = command != null ? command : readScript(script);
        String name = command != null ? "<command>" : script.toString();
        return shell.runScript(Source.of(name, text), json ? OutputMode.JSON : OutputMode.TEXT, out, err, options.debug);
      } finally {
        shell.close();
      }
    }
  }

  private static String readScript(Path script) throws java.io.IOException {
    if (!Files.isRegularFile(script)) {
      throw new NoSuchFileException(script.toString());
    }
    return Files.readString(script, StandardCharsets.UTF_8);
  }
}
