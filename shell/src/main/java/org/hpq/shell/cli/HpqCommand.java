package org.hpq.shell.cli;

import java.util.concurrent.Callable;
import picocli.CommandLine.Command;

/** The top-level {@code hpq} command. */
@Command(
    name = "hpq",
    mixinStandardHelpOptions = true,
    version = "hpq 0.1.0",
    description = "A heap-set query shell for Java heap dumps (HPROF), in the style of heapy.",
    subcommands = {IndexCommand.class, HistogramCommand.class, TopCommand.class})
final class HpqCommand implements Callable<Integer> {
  @Override
  public Integer call() {
    new picocli.CommandLine(this).usage(System.out);
    return ExitCodes.OK;
  }
}
