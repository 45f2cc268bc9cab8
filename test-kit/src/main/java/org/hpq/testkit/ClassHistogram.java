package org.hpq.testkit;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * A parsed {@code jcmd <pid> GC.class_histogram}: the VM's own instance counts and shallow byte
 * totals per class, the oracle for a reader's counts and size model.
 *
 * <p>JDK 17 and 25 both print {@code  num  #instances  #bytes  class name (module)} lines such as
 * {@code    1:   14659   1054928  [B (java.base@17.0.15)}, array classes in descriptor form
 * ({@code [B}, {@code [Ljava.lang.Object;}), no module for classpath classes, and a closing
 * {@code Total <instances> <bytes>} line. Names are normalised with {@link ClassNames#toJava}.
 * Immutable.
 */
public final class ClassHistogram {
  private static final Pattern LINE =
      Pattern.compile("^\\s*(\\d+):\\s+(\\d+)\\s+(\\d+)\\s+(\\S+)(?:\\s+\\((.*)\\))?\\s*$");
  private static final Pattern TOTAL = Pattern.compile("^Total\\s+(\\d+)\\s+(\\d+)\\s*$");

  private final List<HistogramEntry> entries;
  private final long totalInstances;
  private final long totalBytes;

  private ClassHistogram(List<HistogramEntry> entries, long totalInstances, long totalBytes) {
    this.entries = List.copyOf(entries);
    this.totalInstances = totalInstances;
    this.totalBytes = totalBytes;
  }

  /**
   * Parses the text jcmd printed (the leading {@code <pid>:} and header lines are skipped).
   *
   * @throws IllegalArgumentException if no class line was found
   */
  public static ClassHistogram parse(String text) {
    List<HistogramEntry> entries = new ArrayList<>();
    long instances = -1;
    long bytes = -1;
    for (String line : text.split("\\R")) {
      Matcher matcher = LINE.matcher(line);
      if (matcher.matches()) {
        String raw = matcher.group(4);
        entries.add(new HistogramEntry(Integer.parseInt(matcher.group(1)),
            Long.parseLong(matcher.group(2)), Long.parseLong(matcher.group(3)),
            ClassNames.toJava(raw), raw, matcher.group(5)));
        continue;
      }
      Matcher total = TOTAL.matcher(line);
      if (total.matches()) {
        instances = Long.parseLong(total.group(1));
        bytes = Long.parseLong(total.group(2));
      }
    }
    if (entries.isEmpty()) {
      throw new IllegalArgumentException("no class histogram lines in: "
          + text.substring(0, Math.min(500, text.length())));
    }
    if (instances < 0) {
      instances = entries.stream().mapToLong(HistogramEntry::instances).sum();
      bytes = entries.stream().mapToLong(HistogramEntry::bytes).sum();
    }
    return new ClassHistogram(entries, instances, bytes);
  }

  /** Reads and parses a saved histogram (UTF-8). */
  public static ClassHistogram read(Path file) throws IOException {
    return parse(Files.readString(file, StandardCharsets.UTF_8));
  }

  /** The lines, in the printed order. */
  public List<HistogramEntry> entries() {
    return entries;
  }

  /**
   * A new map from Java class name to {@code {instances, bytes}}, in printed order; classes of the
   * same name (several loaders) are summed.
   */
  public Map<String, long[]> asMap() {
    Map<String, long[]> map = new LinkedHashMap<>();
    for (HistogramEntry entry : entries) {
      long[] counts = map.computeIfAbsent(entry.javaName(), name -> new long[2]);
      counts[0] += entry.instances();
      counts[1] += entry.bytes();
    }
    return map;
  }

  /** Instances of the classes named {@code javaName} (Java form), 0 if none. */
  public long instances(String javaName) {
    return entries.stream().filter(entry -> entry.javaName().equals(javaName))
        .mapToLong(HistogramEntry::instances).sum();
  }

  /** Shallow bytes of the classes named {@code javaName} (Java form), 0 if none. */
  public long bytes(String javaName) {
    return entries.stream().filter(entry -> entry.javaName().equals(javaName))
        .mapToLong(HistogramEntry::bytes).sum();
  }

  /** The {@code Total} line's instance count (or the sum of the lines if it was missing). */
  public long totalInstances() {
    return totalInstances;
  }

  /** The {@code Total} line's byte count (or the sum of the lines if it was missing). */
  public long totalBytes() {
    return totalBytes;
  }
}
