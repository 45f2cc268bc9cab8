package org.hpq.shell.lang;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import org.junit.jupiter.api.Test;

class CompletionTest {
  private final FakeHeapAccess heap = new FakeHeapAccess();
  private final Interpreter interpreter = heap.interpreter();

  private CompletionResult complete(String text) {
    return interpreter.complete(text, text.length());
  }

  @Test
  void completesAttributesAfterAVariable() {
    interpreter.execute(Source.interactive("h = hp.heap()"), CancellationToken.create(), value -> {});
    CompletionResult result = complete("x = h.by");
    assertThat(result.values()).containsExactly("by", "byclodo", "byrcs", "bytype", "byvia");
    assertThat(result.anchor()).isEqualTo(6);
    assertThat(result.candidates()).filteredOn(candidate -> candidate.value().equals("byrcs"))
        .singleElement()
        .isEqualTo(new CompletionCandidate("byrcs", CompletionCandidate.Kind.ATTRIBUTE, "partition by referrer kinds"));
    assertThat(result.candidates()).filteredOn(candidate -> candidate.value().equals("by"))
        .singleElement().extracting(CompletionCandidate::kind).isEqualTo(CompletionCandidate.Kind.METHOD);
  }

  @Test
  void completesAfterChainsWithPureCallsIndexingAndParentheses() {
    assertThat(complete("hp.heap().bytype[0].c").values()).containsExactly("count");
    assertThat(complete("(hp.heap() | hp.Nothing).byv").values()).containsExactly("byvia");
    assertThat(complete("len(hp.heap().byt").values()).containsExactly("bytype");
    assertThat(complete("hp.").values()).contains("Nothing", "Type", "heap", "slow");
    assertThat(complete("'abc'.st").values()).containsExactly("startswith");
  }

  @Test
  void neverCallsFunctionsWithSideEffects() {
    assertThat(complete("hp.effect().").values()).isEmpty();
    assertThat(complete("hp.slow().").values()).isEmpty();
    assertThat(heap.effects()).isZero();
  }

  @Test
  void completesNamesAndKeywords() {
    interpreter.execute(Source.interactive("heapset = 1"), CancellationToken.create(), value -> {});
    assertThat(complete("he").values()).containsExactly("heapset", "help", "hex");
    assertThat(complete("x & N").values()).containsExactly("None");
    assertThat(complete("h").candidates()).filteredOn(candidate -> candidate.value().equals("hp"))
        .singleElement().extracting(CompletionCandidate::description).isEqualTo("Heap: the toy heap (hp)");
  }

  @Test
  void completesStringArgumentsThroughTheHostHook() {
    CompletionResult result = complete("x = hp.Type('java.util.Ha");
    assertThat(result.values()).containsExactly("java.util.HashMap'", "java.util.HashSet'");
    assertThat(result.anchor()).isEqualTo("x = hp.Type('".length());
    assertThat(complete("hp.Type(\"java.lang.").values()).containsExactly("java.lang.String\"");
    assertThat(complete("len('java.util.Ha").values()).isEmpty();
  }

  @Test
  void givesNothingInsideCommentsNumbersOrBrokenInput() {
    assertThat(complete("h # h").values()).isEmpty();
    assertThat(complete("12").values()).isEmpty();
    assertThat(complete("nosuchname.").values()).isEmpty();
    assertThat(complete("hp.heap()).").values()).isEmpty();
    assertThat(interpreter.complete("hp.he", 99).values()).containsExactly("heap");
  }

  @Test
  void stylesTokensForHighlighting() {
    List<StyledSpan> spans = interpreter.styles("x = hp.Type('a') & 12 or None # c");
    assertThat(spans).extracting(StyledSpan::style).containsExactly(
        TokenStyle.NAME, TokenStyle.OPERATOR, TokenStyle.BUILTIN, TokenStyle.OPERATOR, TokenStyle.NAME,
        TokenStyle.OPERATOR, TokenStyle.STRING, TokenStyle.OPERATOR, TokenStyle.OPERATOR, TokenStyle.NUMBER,
        TokenStyle.KEYWORD, TokenStyle.KEYWORD, TokenStyle.COMMENT);
    assertThat(interpreter.styles("'open")).extracting(StyledSpan::style).containsExactly(TokenStyle.ERROR);
    assertThat(interpreter.styles("a $ b")).extracting(StyledSpan::style)
        .containsExactly(TokenStyle.NAME, TokenStyle.ERROR, TokenStyle.NAME);
  }
}
