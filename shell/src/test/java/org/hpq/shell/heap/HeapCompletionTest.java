package org.hpq.shell.heap;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Path;
import java.util.List;
import org.hpq.hprof.HeapDump;
import org.hpq.hprof.OpenOptions;
import org.hpq.shell.lang.CancellationToken;
import org.hpq.shell.lang.CompletionCandidate;
import org.hpq.shell.lang.CompletionResult;
import org.hpq.shell.lang.Interpreter;
import org.hpq.shell.lang.Source;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Tab completion ({@link Interpreter#complete}) on the real heap values of the {@link SampleDump}:
 * class names inside {@code hp.Type('...}, attributes of sets, of {@code hp}, of objects (their
 * fields), with nothing evaluated that has side effects.
 */
class HeapCompletionTest {
  @TempDir static Path folder;
  private static HeapDump dump;
  private static OpenOptions options;
  private HeapShell shell;
  private Interpreter interpreter;

  @BeforeAll
  static void open() throws Exception {
    SampleDump sample = SampleDump.write(folder);
    options = OpenOptions.defaults().withIndexDirectory(folder.resolve("index"));
    dump = HeapDump.open(sample.file(), options);
  }

  @AfterAll
  static void close() throws IOException {
    dump.close();
  }

  @BeforeEach
  void newSession() {
    shell = HeapShell.create(dump, options);
    interpreter = shell.interpreter();
  }

  private void run(String statements) {
    interpreter.execute(Source.of("<test>", statements), CancellationToken.create(), value -> {});
  }

  /** Completes {@code text} with the cursor at its end. */
  private CompletionResult complete(String text) {
    return interpreter.complete(text, text.length());
  }

  @Test
  void classNamesCompleteInsideTypeWithTheClosingQuote() {
    String text = "hp.Type('java.util.Ha";
    CompletionResult result = complete(text);
    assertThat(result.values()).containsExactly("java.util.HashMap'", "java.util.HashMap$Node'", "java.util.HashMap$Node[]'");
    assertThat(result.anchor()).as("replaces the string's content").isEqualTo(text.indexOf('\'') + 1);
    assertThat(result.candidates()).extracting(CompletionCandidate::kind).containsOnly(CompletionCandidate.Kind.STRING);
  }

  @Test
  void classNamesCompleteInDoubleQuotesAndInClodo() {
    assertThat(complete("hp.Type(\"java.util.Lin").values()).containsExactly("java.util.LinkedHashMap\"");
    assertThat(complete("hp.Clodo('com.example.shop.O").values()).containsExactly("com.example.shop.Order'");
    assertThat(complete("h = hp.heap() & hp.Type('com.example.p").values()).containsExactly("com.example.plugin.Plugin'");
    assertThat(complete("hp.Type('no.such.pack").values()).isEmpty();
  }

  @Test
  void classNamesOfThisDumpOnly() {
    // java.util.HashMap is in this dump, java.util.Hashtable is not.
    assertThat(complete("hp.Type('java.util.Hash").values()).doesNotContain("java.util.Hashtable'").isNotEmpty();
  }

  @Test
  void partitionsCompleteAfterASetVariable() {
    run("h = hp.heap()");
    CompletionResult result = complete("h.by");
    assertThat(result.values()).as("every partition, sorted").containsExactly("by", "byclodo", "byframe", "byid",
        "byloader", "bypackage", "byrcs", "byroot", "bysize", "bytype", "byunity", "byvia");
    assertThat(result.anchor()).isEqualTo(2);
  }

  @Test
  void attributesCompleteAfterPureCalls() {
    assertThat(complete("hp.heap().dom").values()).containsExactly("dominos", "domisize");
    assertThat(complete("(hp.heap() & hp.Type('com.example.shop.Order')).byid[0].the").values()).containsExactly("theone");
    assertThat(complete("hp.").values()).contains("heap", "heapu", "Type", "Clodo", "Root", "setrelheap", "doc");
    assertThat(complete("hp.Root.").values()).containsExactly("count", "referents");
  }

  @Test
  void theFieldsOfAnObjectComplete() {
    run("shop = (hp.heap() & hp.Type('com.example.shop.Shop')).theone");
    assertThat(complete("shop.c").values()).containsExactly("catalog", "customers");
    assertThat(complete("shop.customers.theone.el").values()).containsExactly("elementData");
  }

  @Test
  void namesInScopeComplete() {
    run("shopping = hp.heap(); shoes = 1");
    assertThat(complete("sho").values()).containsExactly("shoes", "shopping");
  }

  @Test
  void completionDoesNotRunMethodsWithSideEffects() {
    run("h = hp.heap(); n = h.count");
    assertThat(complete("hp.setrelheap().").values()).isEmpty();
    run("m = hp.heap().count");
    assertThat(interpreter.lookup("m")).isEqualTo(interpreter.lookup("n"));
  }
}
