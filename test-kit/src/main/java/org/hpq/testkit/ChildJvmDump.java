package org.hpq.testkit;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.hpq.testkit.internal.ChildProcess;
import org.hpq.testkit.internal.CommandRunner;

/**
 * Runs a workload main class in a child JVM and takes a class histogram and a heap dump of it.
 *
 * <p>The child runs {@code <javaHome>/bin/java <jvmOptions> -cp <this JVM's java.class.path>
 * <mainClass> <arguments>}; its main builds objects and calls {@link
 * ChildJvmProtocol#awaitParent()}. The parent waits for {@code READY <pid>}, runs {@code jcmd
 * <pid> GC.class_histogram [-all]} (saved next to the dump), then immediately either {@code jcmd
 * <pid> GC.heap_dump [-all] [-gz=N] <file>} or, in-process, asks the child to call {@code
 * HotSpotDiagnosticMXBean.dumpHeap}; finally it tells the child to exit. Every wait has a timeout;
 * failures throw {@link ChildJvmException} with the child's output. The child is always killed.
 *
 * <pre>{@code
 * HeapDumpResult result = ChildJvmDump.of(KnownGraph.class).jvmOptions("-Xmx64m").dumpTo(tempDir);
 * }</pre>
 *
 * <p>A configured instance is mutable and not thread-safe; {@link #dumpTo} may be called again.
 */
public final class ChildJvmDump {
  /** Where the Temurin 25 JDK is installed on the project's machines. */
  public static final Path TEMURIN_25 = Path.of("/usr/lib/jvm/temurin-25-jdk-amd64");

  private static final Pattern VERSION = Pattern.compile("JAVA_VERSION=\"(?:1\\.)?(\\d+)");

  private final String mainClassName;
  private final List<String> jvmOptions = new ArrayList<>();
  private final List<String> arguments = new ArrayList<>();
  private Path javaHome = currentJavaHome();
  private boolean allObjects;
  private int gzipLevel;
  private boolean inProcess;
  private Duration timeout = Duration.ofSeconds(60);

  private ChildJvmDump(String mainClassName) {
    this.mainClassName = mainClassName;
  }

  /** A dump of {@code mainClass}, which must be on this JVM's class path. */
  public static ChildJvmDump of(Class<?> mainClass) {
    return new ChildJvmDump(mainClass.getName());
  }

  /** A dump of the named main class, which must be on this JVM's class path. */
  public static ChildJvmDump of(String mainClassName) {
    return new ChildJvmDump(mainClassName);
  }

  /** The JDK running this JVM ({@code java.home}). */
  public static Path currentJavaHome() {
    return Path.of(System.getProperty("java.home"));
  }

  /** Whether {@code javaHome} holds an executable {@code bin/java} and {@code bin/jcmd}. */
  public static boolean jdkExists(Path javaHome) {
    return Files.isExecutable(javaHome.resolve("bin/java"))
        && Files.isExecutable(javaHome.resolve("bin/jcmd"));
  }

  /**
   * The feature version (8, 17, 25...) from the JDK's {@code release} file.
   *
   * @throws IOException if the file is missing or has no JAVA_VERSION
   */
  public static int javaMajorVersion(Path javaHome) throws IOException {
    Matcher matcher = VERSION.matcher(Files.readString(javaHome.resolve("release")));
    if (!matcher.find()) {
      throw new IOException("no JAVA_VERSION in " + javaHome.resolve("release"));
    }
    return Integer.parseInt(matcher.group(1));
  }

  /** Uses the JDK at {@code home} for both {@code java} and {@code jcmd}. */
  public ChildJvmDump javaHome(Path home) {
    this.javaHome = home;
    return this;
  }

  /** Adds JVM options, e.g. {@code -Xmx64m}, {@code -XX:-UseCompressedOops}. */
  public ChildJvmDump jvmOptions(String... options) {
    jvmOptions.addAll(List.of(options));
    return this;
  }

  /** Adds arguments for the main class. */
  public ChildJvmDump programArguments(String... programArguments) {
    arguments.addAll(List.of(programArguments));
    return this;
  }

  /** Dump (and count) unreachable objects too: {@code -all}; default false (live objects only). */
  public ChildJvmDump allObjects(boolean all) {
    this.allObjects = all;
    return this;
  }

  /** Compress with {@code -gz=level} (1..9); 0, the default, writes a plain file. */
  public ChildJvmDump gzipLevel(int level) {
    if (level < 0 || level > 9) {
      throw new IllegalArgumentException("gzip level must be 0..9: " + level);
    }
    this.gzipLevel = level;
    return this;
  }

  /** Dump from inside the child with {@code HotSpotDiagnosticMXBean.dumpHeap} (no gzip). */
  public ChildJvmDump inProcess(boolean inside) {
    this.inProcess = inside;
    return this;
  }

  /** The limit for each step: start-up, histogram, dump, exit. Default 60 s. */
  public ChildJvmDump timeout(Duration stepTimeout) {
    this.timeout = stepTimeout;
    return this;
  }

  /**
   * Runs the child and writes {@code <Main>-<pid>.hprof[.gz]} and {@code
   * <Main>-<pid>.histogram.txt} (plus {@code .stderr.txt}) into {@code directory}.
   *
   * @throws ChildJvmException if the child or jcmd fails or times out
   * @throws IllegalStateException if the JDK is missing or in-process dumping is asked with gzip
   */
  public HeapDumpResult dumpTo(Path directory) throws IOException, InterruptedException {
    if (!jdkExists(javaHome)) {
      throw new IllegalStateException("no JDK (bin/java and bin/jcmd) at " + javaHome);
    }
    if (inProcess && gzipLevel > 0) {
      throw new IllegalStateException("HotSpotDiagnosticMXBean.dumpHeap cannot gzip");
    }
    Files.createDirectories(directory);
    String baseName = mainClassName.substring(mainClassName.lastIndexOf('.') + 1) + "-" + System.nanoTime();
    List<String> command = new ArrayList<>();
    command.add(javaHome.resolve("bin/java").toString());
    command.addAll(jvmOptions);
    command.add("-cp");
    command.add(System.getProperty("java.class.path"));
    command.add(mainClassName);
    command.addAll(arguments);
    try (ChildProcess child = ChildProcess.start(command, directory.resolve(baseName + ".stderr.txt"))) {
      String ready = child.awaitLine(line -> line.startsWith(ChildJvmProtocol.READY_PREFIX), timeout);
      if (ready == null) {
        // End of output usually means the child is exiting: let it finish so its code is shown.
        String why = child.outputEnded() && child.awaitExit(Duration.ofSeconds(5))
            ? "child ended without printing READY"
            : "child did not print READY within " + timeout;
        throw failure(why, command, null, child);
      }
      String stem = baseName.substring(0, baseName.lastIndexOf('-') + 1) + child.pid();
      Path dump = directory.resolve(stem + (gzipLevel > 0 ? ".hprof.gz" : ".hprof"));
      Path histogramFile = directory.resolve(stem + ".histogram.txt");
      Files.deleteIfExists(dump);
      takeHistogram(child, histogramFile);
      if (inProcess) {
        dumpInProcess(child, dump);
      } else {
        dumpWithJcmd(child, dump);
      }
      child.sendLine("EXIT");
      if (!child.closeInputAndWait(timeout)) {
        throw failure("child did not exit within " + timeout, command, null, child);
      }
      return new HeapDumpResult(dump, histogramFile, ClassHistogram.read(histogramFile), child.pid(),
          javaMajorVersion(javaHome), child.output());
    }
  }

  private void takeHistogram(ChildProcess child, Path histogramFile)
      throws IOException, InterruptedException {
    List<String> command = jcmd(child, "GC.class_histogram");
    if (allObjects) {
      command.add("-all");
    }
    CommandRunner.Outcome outcome = CommandRunner.run(command, histogramFile, timeout);
    if (outcome.exitCode() != 0 || !outcome.output().contains("Total")) {
      throw failure("class histogram failed", command, outcome, child);
    }
  }

  private void dumpWithJcmd(ChildProcess child, Path dump) throws IOException, InterruptedException {
    List<String> command = jcmd(child, "GC.heap_dump");
    if (allObjects) {
      command.add("-all");
    }
    if (gzipLevel > 0) {
      command.add("-gz=" + gzipLevel);
    }
    command.add(dump.toAbsolutePath().toString());
    Path log = Files.createTempFile(dump.getParent(), "jcmd", ".txt");
    try {
      CommandRunner.Outcome outcome = CommandRunner.run(command, log, timeout);
      if (outcome.exitCode() != 0 || !outcome.output().contains("Heap dump file created")
          || !Files.isRegularFile(dump)) {
        throw failure("heap dump failed", command, outcome, child);
      }
    } finally {
      Files.deleteIfExists(log);
    }
  }

  private void dumpInProcess(ChildProcess child, Path dump) throws IOException, InterruptedException {
    child.sendLine("DUMP " + !allObjects + " " + dump.toAbsolutePath());
    String answer = child.awaitLine(line -> line.startsWith(ChildJvmProtocol.DUMPED)
        || line.startsWith(ChildJvmProtocol.DUMP_FAILED), timeout);
    if (answer == null || !answer.equals(ChildJvmProtocol.DUMPED) || !Files.isRegularFile(dump)) {
      throw failure("in-process dump failed: " + answer, List.of("DUMP", dump.toString()), null, child);
    }
  }

  private List<String> jcmd(ChildProcess child, String operation) {
    List<String> command = new ArrayList<>();
    command.add(javaHome.resolve("bin/jcmd").toString());
    command.add(Long.toString(child.pid()));
    command.add(operation);
    return command;
  }

  private static ChildJvmException failure(
      String what, List<String> command, CommandRunner.Outcome outcome, ChildProcess child) {
    StringBuilder message = new StringBuilder(what).append("\ncommand: ").append(String.join(" ", command));
    if (outcome != null) {
      message.append(outcome.timedOut() ? "\n(timed out)" : "\nexit code " + outcome.exitCode())
          .append("\noutput:\n").append(outcome.output());
    }
    return new ChildJvmException(message.append('\n').append(child.output()).toString());
  }
}
