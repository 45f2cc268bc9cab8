package org.hpq.shell.cli;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import org.hpq.hprof.HeapDump;
import org.hpq.hprof.ObjectKind;
import org.hpq.hprof.OpenOptions;
import org.hpq.shell.heap.SampleDump;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * End-to-end tests of the {@code hpq} command line on the {@link SampleDump} (written once into a
 * temporary folder and indexed there): exit codes, text output, and {@code --json} output parsed
 * back and checked against the dump's known content.
 *
 * <p>The numbers: 118 objects (65 instances, 20 arrays, 33 classes); 114 reachable, 4
 * unreachable of 112 bytes (two Orders, the String "lost" and its byte[]). 30 Orders of 32 bytes;
 * 11 reachable Strings of 24 bytes. The sizes of class objects (mirrors) and of the ClassLoader
 * (injected fields) are the reader's model, so they are read from the dump ({@link #mirrorBytes}
 * and friends); every other size is fixed: the other 80 reachable objects take 2,336 bytes. The
 * largest retained object is the class object of Shop (it holds Shop.INSTANCE), then the shop:
 * 1,992 bytes plus the Plugin class and its loader (the shop holds everything but the 32 sticky
 * classes, the cart's 3 objects, apple and pear with their names, the thread with its name, the
 * JNI long[] and the weakly held coupon).
 */
class CommandLineTest {
  private static final ObjectMapper JSON = new ObjectMapper();

  @TempDir static Path folder;
  private static SampleDump sample;
  private static String dump;
  private static String index;
  /** The shallow sizes of the reachable class objects, all together. */
  private static long mirrorBytes;
  private static long shopClassSize;
  private static long pluginClassSize;
  private static long loaderSize;

  @BeforeAll
  static void writeSampleDump() throws Exception {
    sample = SampleDump.write(folder.resolve("dump"));
    dump = sample.file().toString();
    index = folder.resolve("index").toString();
    try (HeapDump heap = HeapDump.open(sample.file(), OpenOptions.defaults().withIndexDirectory(Path.of(index)))) {
      for (int object = 0; object < heap.objectCount(); object++) {
        if (heap.kind(object) == ObjectKind.CLASS && heap.isReachable(object)) {
          mirrorBytes += heap.shallowSize(object);
        }
      }
      shopClassSize = heap.shallowSize(heap.indexOf(sample.shopClass()));
      pluginClassSize = heap.shallowSize(heap.indexOf(heap.classesNamed("com.example.plugin.Plugin").get(0).id()));
      loaderSize = heap.shallowSize(heap.indexOf(sample.pluginLoader()));
    }
  }

  /** The reachable bytes: fixed sizes plus the reader's model of mirrors and the loader. */
  private static long reachableBytes() {
    return 2336 + mirrorBytes + loaderSize;
  }

  /** The shop's retained size. */
  private static long shopRetained() {
    return 1992 + pluginClassSize + loaderSize;
  }

  /** {@code hpq ARGUMENTS --index-dir INDEX}: the index stays in the temporary folder. */
  private static Invocation hpq(String... arguments) {
    List<String> all = new ArrayList<>(Arrays.asList(arguments));
    all.add("--index-dir");
    all.add(index);
    return Invocation.of(all.toArray(String[]::new));
  }

  private static String hex(long id) {
    return String.format("0x%x", id);
  }

  // ------------------------------------------------------------------ subcommands

  @Test
  void indexPrintsASummaryOfTheDump() {
    Invocation run = hpq("index", dump);
    assertThat(run.exitCode()).as("%s", run).isZero();
    assertThat(run.out()).as("%s", run)
        .contains("Objects:     118 (65 instances, 20 arrays, 33 classes)")
        .contains("GC roots:    35")
        .contains(String.format("Reachable:   114 objects, %,d bytes", reachableBytes()))
        .contains("Unreachable: 4 objects, 112 bytes")
        .contains("Layout:      header 12 bytes, array header 16 bytes, references 4 bytes, alignment 8")
        .contains("Index:       " + Path.of(index).resolve("shop.hprof.hpqidx"));
    assertThat(run.err()).as("%s", run).isEmpty();
    assertThat(Path.of(index).resolve("shop.hprof.hpqidx")).isDirectoryContaining(path -> true);
  }

  @Test
  void withoutIndexDirTheIndexGoesBesideTheDump() throws IOException {
    Path copy = Files.copy(sample.file(), Files.createDirectories(folder.resolve("beside")).resolve("copy.hprof"));
    Invocation run = Invocation.of("index", copy.toString());
    assertThat(run.exitCode()).as("%s", run).isZero();
    assertThat(copy.resolveSibling("copy.hprof.hpqidx")).isDirectory();
  }

  @Test
  void histogramListsTheReachableClassesLargestFirst() {
    Invocation run = hpq("histogram", dump);
    assertThat(run.exitCode()).as("%s", run).isZero();
    List<String> lines = run.outLines();
    assertThat(lines).as("%s", run).anyMatch(line -> line.matches("\\s+\\d+:\\s+30\\s+960\\s+com\\.example\\.shop\\.Order"));
    assertThat(lines.get(lines.size() - 1)).as("%s", run).matches("Total\\s+114\\s+" + reachableBytes());
    assertThat(lines).as("%s", run).hasSize(2 + 20 + 1);
  }

  @Test
  void histogramJsonMatchesTheDump() throws IOException {
    Invocation run = hpq("histogram", dump, "--json");
    assertThat(run.exitCode()).as("%s", run).isZero();
    JsonNode rows = JSON.readTree(run.out());
    assertThat(rows.isArray()).as("%s", run).isTrue();
    long count = 0;
    long bytes = 0;
    long previous = Long.MAX_VALUE;
    for (JsonNode row : rows) {
      count += row.get("count").asLong();
      bytes += row.get("shallow").asLong();
      assertThat(row.get("shallow").asLong()).as("sorted by size: %s", row).isLessThanOrEqualTo(previous);
      previous = row.get("shallow").asLong();
    }
    assertThat(count).isEqualTo(114);
    assertThat(bytes).isEqualTo(reachableBytes());
    assertThat(row(rows, "com.example.shop.Order")).isEqualTo("30/960");
    assertThat(row(rows, "java.lang.String")).isEqualTo("11/264");
    assertThat(row(rows, "com.example.shop.Customer")).isEqualTo("4/96");
    assertThat(row(rows, "java.lang.Class")).isEqualTo("33/" + mirrorBytes);
    assertThat(row(rows, "java.lang.ClassLoader")).isEqualTo("1/" + loaderSize);
    assertThat(row(rows, "java.lang.Object[]")).isEqualTo("6/248");

    Invocation limited = hpq("histogram", dump, "--json", "-n", "3");
    assertThat(JSON.readTree(limited.out())).as("%s", limited).hasSize(3);
  }

  private static String row(JsonNode rows, String className) {
    for (JsonNode row : rows) {
      if (row.get("class").asText().equals(className)) {
        return row.get("count").asLong() + "/" + row.get("shallow").asLong();
      }
    }
    return "no row for " + className;
  }

  @Test
  void topJsonListsTheLargestRetainedObjects() throws IOException {
    Invocation run = hpq("top", dump, "-n", "5", "--json");
    assertThat(run.exitCode()).as("%s", run).isZero();
    JsonNode top = JSON.readTree(run.out());
    assertThat(top).as("%s", run).hasSize(5);
    assertThat(top.get(0).get("id").asText()).isEqualTo(hex(sample.shopClass()));
    assertThat(top.get(0).get("class").asText()).isEqualTo("java.lang.Class");
    assertThat(top.get(0).get("name").asText()).isEqualTo("com.example.shop.Shop");
    assertThat(top.get(0).get("shallow").asLong()).isEqualTo(shopClassSize);
    assertThat(top.get(0).get("retained").asLong()).isEqualTo(shopClassSize + shopRetained());
    assertThat(top.get(1).get("id").asText()).isEqualTo(hex(sample.shop()));
    assertThat(top.get(1).get("shallow").asLong()).isEqualTo(48);
    assertThat(top.get(1).get("retained").asLong()).isEqualTo(shopRetained());
    assertThat(top.get(1).has("name")).isFalse();
    // customers ArrayList (24) + its Object[4] (32) + 4 Customers (96) + their arrays (192) + 30
    // Orders (960) + 4 names and "gift wrap" (120 + 128 of byte[]).
    assertThat(top.get(2).get("id").asText()).isEqualTo(hex(sample.customerList()));
    assertThat(top.get(2).get("retained").asLong()).isEqualTo(1552);
    assertThat(top.get(3).get("id").asText()).isEqualTo(hex(sample.customerArray()));
    assertThat(top.get(3).get("retained").asLong()).isEqualTo(1528);
    // ann: 24 + Object[12] 64 + 12 Orders 384 + "ann" 48 + "gift wrap" 56.
    assertThat(top.get(4).get("id").asText()).isEqualTo(hex(sample.customers()[0]));
    assertThat(top.get(4).get("retained").asLong()).isEqualTo(576);
  }

  @Test
  void topTextShowsClassObjectsByName() {
    Invocation run = hpq("top", dump, "-n", "2");
    assertThat(run.exitCode()).as("%s", run).isZero();
    assertThat(run.outLines()).as("%s", run).hasSize(3);
    assertThat(run.outLines().get(1)).as("%s", run)
        .matches(hex(sample.shopClass()) + "\\s+" + shopClassSize + "\\s+" + (shopClassSize + shopRetained())
            + "\\s+class com\\.example\\.shop\\.Shop");
    assertThat(run.outLines().get(2)).as("%s", run)
        .matches(hex(sample.shop()) + "\\s+48\\s+" + shopRetained() + "\\s+com\\.example\\.shop\\.Shop");
  }

  @Test
  void pathsJsonGivesTheChainFromTheRoots() throws IOException {
    // pear: held by the cart (a Java frame root) at elementData[1], and by the catalog and orders.
    Invocation run = hpq("paths", dump, hex(sample.products()[1]), "--json");
    assertThat(run.exitCode()).as("%s", run).isZero();
    JsonNode chains = JSON.readTree(run.out());
    assertThat(chains.get("length").asInt()).isEqualTo(4);
    assertThat(chains.get("pathCount").asInt()).isEqualTo(1);
    assertThat(chains.get("targetCount").asInt()).isEqualTo(1);
    assertThat(chains.get("paths").get(0).asText())
        .isEqualTo("<root: Java frame main com.example.shop.Main.run(Main.java:12)>.items.elementData[1]");
  }

  @Test
  void pathsToAWeaklyHeldObjectNeedWeakReferences() throws IOException {
    String coupon = hex(sample.coupon());
    Invocation weak = hpq("paths", dump, coupon);
    assertThat(weak.exitCode()).as("%s", weak).isZero();
    assertThat(weak.out()).as("%s", weak).contains("<root: sticky class>->com.example.shop.Shop.INSTANCE.recent.referent");

    Invocation strong = hpq("paths", dump, coupon, "--skip-weak", "--json");
    assertThat(strong.exitCode()).as("no strong path is a query failure: %s", strong).isEqualTo(1);
    assertThat(JSON.readTree(strong.out()).get("paths")).as("%s", strong).isEmpty();
  }

  @Test
  void pathsTakesDecimalIdsAndRejectsUnknownOnes() {
    Invocation decimal = hpq("paths", dump, Long.toString(sample.shop()));
    assertThat(decimal.exitCode()).as("%s", decimal).isZero();
    assertThat(decimal.out()).as("%s", decimal).contains("<root: sticky class>->com.example.shop.Shop.INSTANCE");

    Invocation unknown = hpq("paths", dump, "0x1");
    assertThat(unknown.exitCode()).as("%s", unknown).isEqualTo(2);
    assertThat(unknown.errLines()).as("%s", unknown).containsExactly("hpq: no object with id 0x1 in " + dump);

    Invocation garbled = hpq("paths", dump, "0xZZ");
    assertThat(garbled.exitCode()).as("%s", garbled).isEqualTo(2);
    assertThat(garbled.err()).as("%s", garbled).contains("'0xZZ'");
  }

  // ------------------------------------------------------------------ -c, -f, --json

  @Test
  void commandPrintsEveryExpressionValue() {
    Invocation run = hpq(dump, "-c", "h = hp.heap(); h.count; (h & hp.Type('com.example.shop.Order')).size\n'done'");
    assertThat(run.exitCode()).as("%s", run).isZero();
    assertThat(run.outLines()).as("%s", run).containsExactly("114", "960", "'done'");
    assertThat(run.err()).as("%s", run).isEmpty();
  }

  @Test
  void commandJsonPrintsOneDocumentPerValue() throws IOException {
    Invocation run = hpq(dump, "--json", "-c", "h = hp.heap()\nh.bytype\nh.count\nhp.Root.referents.byroot\n'text'");
    assertThat(run.exitCode()).as("%s", run).isZero();
    List<String> lines = run.outLines();
    assertThat(lines).as("%s", run).hasSize(4);
    JsonNode bytype = JSON.readTree(lines.get(0));
    assertThat(bytype.get("count").asLong()).isEqualTo(114);
    assertThat(bytype.get("size").asLong()).isEqualTo(reachableBytes());
    assertThat(bytype.get("relation").asText()).isEqualTo("type");
    long rowBytes = 0;
    List<String> rows = new ArrayList<>();
    for (JsonNode row : bytype.get("rows")) {
      rowBytes += row.get("size").asLong();
      rows.add(row.get("label").asText() + " " + row.get("count").asLong() + " " + row.get("size").asLong());
    }
    assertThat(rowBytes).as("every row is listed").isEqualTo(reachableBytes());
    assertThat(rows).hasSize(20).contains("com.example.shop.Order 30 960", "java.lang.String 11 264",
        "java.lang.Object[] 6 248", "com.example.shop.Customer 4 96", "java.lang.Class 33 " + mirrorBytes);
    assertThat(JSON.readTree(lines.get(1)).asLong()).isEqualTo(114);
    JsonNode roots = JSON.readTree(lines.get(2));
    assertThat(roots.get("count").asLong()).isEqualTo(35);
    List<String> labels = new ArrayList<>();
    roots.get("rows").forEach(row -> labels.add(row.get("label").asText() + " " + row.get("count").asLong()));
    assertThat(labels).containsExactly(
        "<root: sticky class> 32", "<root: JNI global> 1", "<root: thread object> 1", "<root: Java frame> 1");
    assertThat(JSON.readTree(lines.get(3)).asText()).isEqualTo("text");
  }

  @Test
  void commandJsonOfOneObjectHasItsFields() throws IOException {
    Invocation run = hpq(dump, "--json", "-c", "(hp.heap() & hp.Type('com.example.shop.Shop')).theone");
    assertThat(run.exitCode()).as("%s", run).isZero();
    JsonNode shop = JSON.readTree(run.out());
    assertThat(shop.get("id").asText()).isEqualTo(hex(sample.shop()));
    assertThat(shop.get("type").asText()).isEqualTo("com.example.shop.Shop");
    assertThat(shop.get("retainedSize").asLong()).isEqualTo(shopRetained());
    List<String> fields = new ArrayList<>();
    shop.get("fields").forEach(field -> fields.add(field.get("name").asText() + "=" + field.get("value").asText()));
    assertThat(fields).contains("founded=1999", "open=true", "manager=null");
  }

  @Test
  void aFailingJsonCommandKeepsItsOutputJsonAndTheErrorOnStderr() throws IOException {
    Invocation run = hpq(dump, "--json", "-c", "hp.heap().count; hp.heap()?\nhp.heap()[99]");
    assertThat(run.exitCode()).as("%s", run).isEqualTo(1);
    List<String> lines = run.outLines();
    assertThat(lines).as("%s", run).hasSize(2);
    assertThat(JSON.readTree(lines.get(0)).asLong()).isEqualTo(114);
    assertThat(JSON.readTree(lines.get(1)).get("help").asText()).startsWith("Set: ");
    assertThat(run.errLines().get(0)).as("%s", run).isEqualTo("<command>:2:10: row index 99 out of range (21 elements)");
  }

  @Test
  void aFailingCommandExitsOneAndNamesLineAndColumn() {
    Invocation run = hpq(dump, "-c", "h = hp.heap(); h.count\nh.byrsc\n'not reached'");
    assertThat(run.exitCode()).as("%s", run).isEqualTo(1);
    assertThat(run.outLines()).as("%s", run).containsExactly("114");
    assertThat(run.errLines().get(0)).as("%s", run)
        .isEqualTo("<command>:2:3: 'Set' object has no attribute 'byrsc'; did you mean 'byrcs'?");
  }

  @Test
  void aScriptStopsAtItsFailingLine() throws IOException {
    Path script = folder.resolve("script.hpq");
    Files.writeString(script, String.join("\n",
        "n = hp.heap().count; n",
        "o = hp.heap().theone",
        "'line 3 ran'",
        ""), StandardCharsets.UTF_8);
    Invocation run = hpq(dump, "-f", script.toString());
    assertThat(run.exitCode()).as("%s", run).isEqualTo(1);
    assertThat(run.outLines()).as("line 1 printed, line 3 never ran: %s", run).containsExactly("114");
    assertThat(run.errLines()).as("%s", run).first()
        .isEqualTo(script + ":2:15: theone needs a set of exactly one object; this one has 114");
    assertThat(run.errLines()).as("the line and a caret: %s", run).contains("o = hp.heap().theone", "              ^");
  }

  @Test
  void aScriptWithASyntaxErrorRunsNothing() throws IOException {
    Path script = folder.resolve("syntax.hpq");
    Files.writeString(script, "hp.heap().count\nhp.heap() &* 2\n", StandardCharsets.UTF_8);
    Invocation run = hpq(dump, "-f", script.toString());
    assertThat(run.exitCode()).as("%s", run).isEqualTo(1);
    assertThat(run.out()).as("%s", run).isEmpty();
    assertThat(run.errLines().get(0)).as("%s", run).startsWith(script + ":2:12: ");
  }

  @Test
  void aMissingScriptIsNamed() {
    Path script = folder.resolve("nowhere.hpq");
    Invocation run = hpq(dump, "-f", script.toString());
    assertThat(run.exitCode()).as("%s", run).isNotZero();
    assertThat(run.errLines()).as("%s", run).containsExactly("hpq: " + script + ": no such file");
  }

  // ------------------------------------------------------------------ unreadable dumps

  @Test
  void aMissingDumpExitsThreeWithOneLine() {
    String missing = folder.resolve("missing.hprof").toString();
    for (Invocation run : List.of(hpq(missing, "-c", "1"), hpq("index", missing), hpq("histogram", missing),
        hpq("top", missing), hpq("paths", missing, "0x1"))) {
      assertThat(run.exitCode()).as("%s", run).isEqualTo(3);
      assertThat(run.errLines()).as("%s", run).containsExactly("hpq: " + missing + ": no such file");
      assertThat(run.out()).as("%s", run).isEmpty();
    }
  }

  @Test
  void aGarbageFileExitsThreeNamingTheOffset() throws IOException {
    Path garbage = folder.resolve("garbage.hprof");
    Files.writeString(garbage, "this is not a heap dump, just some text\n".repeat(4), StandardCharsets.UTF_8);
    Invocation run = hpq(garbage.toString(), "-c", "hp.heap().count");
    assertThat(run.exitCode()).as("%s", run).isEqualTo(3);
    assertThat(run.errLines()).as("%s", run).hasSize(1);
    assertThat(run.err()).as("%s", run).startsWith("hpq: ").contains(garbage.toString()).containsPattern("0x[0-9a-f]+");
    assertThat(run.out()).as("%s", run).isEmpty();
  }

  @Test
  void aTruncatedDumpIsRefusedWhenStrictAndOpenedWhenPermissive() throws IOException {
    byte[] bytes = Files.readAllBytes(sample.file());
    Path truncated = folder.resolve("truncated.hprof");
    Files.write(truncated, Arrays.copyOf(bytes, bytes.length * 3 / 4));

    Invocation strict = hpq(truncated.toString(), "--strictness", "STRICT", "-c", "hp.heap().count");
    assertThat(strict.exitCode()).as("%s", strict).isEqualTo(3);
    assertThat(strict.err()).as("%s", strict).contains(truncated.toString()).containsPattern("0x[0-9a-f]+");
    assertThat(strict.out()).as("%s", strict).isEmpty();
    // Option values are taken in any case: "permissive" as well as "PERMISSIVE".
    Invocation permissive = Invocation.of(truncated.toString(), "--strictness", "permissive",
        "--index-dir", folder.resolve("index-permissive").toString(), "-c", "hp.heap().count; len(hp.warnings) > 0");
    assertThat(permissive.exitCode()).as("%s", permissive).isZero();
    assertThat(permissive.err()).as("%s", permissive).contains("hpq: warning: ");
    List<String> values = permissive.outLines();
    assertThat(values).as("%s", permissive).hasSize(2);
    assertThat(Long.parseLong(values.get(0))).as("%s", permissive).isBetween(1L, 113L);
    assertThat(values.get(1)).isEqualTo("True");
  }

  @Test
  void everyCommandSaysWhatAPermissiveReadOfATruncatedDumpLost() throws IOException {
    byte[] bytes = Files.readAllBytes(sample.file());
    Path truncated = folder.resolve("truncated-for-commands.hprof");
    Files.write(truncated, Arrays.copyOf(bytes, bytes.length * 3 / 4));
    String index = folder.resolve("index-commands").toString();
    for (String command : List.of("histogram", "top", "index")) {
      Invocation run = Invocation.of(command, "--strictness", "PERMISSIVE", "--index-dir", index, truncated.toString());
      assertThat(run.exitCode()).as("%s", run).isZero();
      assertThat(run.err()).as("%s", run).contains("hpq: warning: ").contains("truncated");
      assertThat(run.out()).as("%s", run).isNotEmpty();
    }
  }

  @Test
  void aDumpNumberBeyondTheFileIsUnreadable() {
    Invocation run = hpq(dump, "--heap-dump", "1", "-c", "1");
    assertThat(run.exitCode()).as("%s", run).isEqualTo(3);
    assertThat(run.errLines()).as("%s", run).hasSize(1);
  }

  // ------------------------------------------------------------------ usage

  @ParameterizedTest
  @ValueSource(strings = {"--no-such-option", "histogram --bogus", "paths", "paths DUMP", "-c", "top -n", "top -n x DUMP",
      "DUMP --strictness SOMETIMES -c 1", "DUMP --size-model 12,4 -c 1", "DUMP --size-model a,b,c -c 1",
      "DUMP --size-model 12,4,0 -c 1", "DUMP --size-model 12,3,8 -c 1", "DUMP --size-model 12,4,12 -c 1", "DUMP -c 1 -f x.hpq", "DUMP --pid 1 -c 1", "index", "DUMP extra -c 1"})
  void usageErrorsExitTwo(String line) {
    String[] arguments = Arrays.stream(line.split(" ")).map(word -> word.equals("DUMP") ? dump : word).toArray(String[]::new);
    Invocation run = hpq(arguments);
    assertThat(run.exitCode()).as("%s", run).isEqualTo(2);
    assertThat(run.err()).as("%s", run).startsWith("hpq: ").doesNotContain("java.lang", "Exception");
    assertThat(run.out()).as("%s", run).isEmpty();
  }

  @ParameterizedTest
  @ValueSource(strings = {"", "index", "histogram", "top", "paths", "generate-completion"})
  void helpOfEveryCommandExitsZero(String command) {
    Invocation run = command.isEmpty() ? Invocation.of("--help") : Invocation.of(command, "--help");
    assertThat(run.exitCode()).as("%s", run).isZero();
    assertThat(run.out()).as("%s", run).startsWith("Usage: hpq" + (command.isEmpty() ? "" : " " + command));
    if (!command.equals("generate-completion")) {
      assertThat(run.out()).as("%s", run).contains("--help");
    }
    if (!command.isEmpty() && !command.equals("generate-completion")) {
      assertThat(run.out()).as("every dump command has the dump options: %s", run)
          .contains("--strictness", "--index-dir", "--size-model", "--heap-dump", "--debug");
    }
  }

  @Test
  void versionIsPrinted() {
    Invocation run = Invocation.of("--version");
    assertThat(run.exitCode()).as("%s", run).isZero();
    assertThat(run.out()).as("%s", run).startsWith("hpq ");
  }

  @Test
  void generateCompletionPrintsABashScript() {
    Invocation run = Invocation.of("generate-completion");
    assertThat(run.exitCode()).as("%s", run).isZero();
    assertThat(run.out()).as("%s", run.err())
        .startsWith("#!/usr/bin/env bash")
        .contains("complete -F _complete_hpq")
        .contains("histogram", "top", "paths", "index", "--strictness");
  }

  // ------------------------------------------------------------------ options

  @Test
  void sizeModelChangesShallowSizes() {
    String orders = "(hp.heap() & hp.Type('com.example.shop.Order')).size; hp.layout";
    Invocation compressed = hpq(dump, "-c", orders);
    assertThat(compressed.outLines()).as("%s", compressed)
        .containsExactly("960", "'header 12 bytes, array header 16 bytes, references 4 bytes, alignment 8'");
    // 16 header + long 8 + int 4 + two 8-byte references = 44, aligned to 48.
    Invocation wide = hpq(dump, "--size-model", "16,8,8", "-c", orders);
    assertThat(wide.exitCode()).as("%s", wide).isZero();
    assertThat(wide.outLines()).as("%s", wide)
        .containsExactly("1440", "'header 16 bytes, array header 20 bytes, references 8 bytes, alignment 8'");
    // And back: the index built under one model does not leak into the other.
    Invocation again = hpq(dump, "-c", orders);
    assertThat(again.outLines()).as("%s", again).first().isEqualTo("960");
  }

  @Test
  void sizeModelAppliesToTheSubcommands() throws IOException {
    Invocation run = hpq("histogram", dump, "--json", "--size-model", "16,8,8");
    assertThat(run.exitCode()).as("%s", run).isZero();
    assertThat(row(JSON.readTree(run.out()), "com.example.shop.Order")).isEqualTo("30/1440");
  }

  @Test
  void debugPrintsTheStackTraceOfAnError() {
    String missing = folder.resolve("missing.hprof").toString();
    Invocation plain = hpq(missing, "-c", "1");
    Invocation debug = hpq(missing, "--debug", "-c", "1");
    assertThat(debug.exitCode()).as("%s", debug).isEqualTo(3);
    assertThat(plain.err()).as("%s", plain).doesNotContain("\tat ");
    assertThat(debug.err()).as("%s", debug).contains("\tat ").contains("hpq: " + missing + ": no such file");
  }

  @Test
  void debugPrintsTheStackTraceOfAQueryError() {
    Invocation debug = hpq(dump, "--debug", "-c", "hp.heap().theone");
    assertThat(debug.exitCode()).as("%s", debug).isEqualTo(1);
    assertThat(debug.err()).as("%s", debug).contains("<command>:1:11: theone needs a set of exactly one object");
  }
}
