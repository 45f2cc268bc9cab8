package org.hpq.testkit;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class ClassNamesTest {

  @ParameterizedTest
  @CsvSource({
    "java.lang.String, java/lang/String",
    "int[], [I",
    "byte[][], [[B",
    "java.lang.Object[], [Ljava/lang/Object;",
    "java.util.HashMap$Node[], [Ljava/util/HashMap$Node;",
    "Foo, Foo",
    "[J, [J",
    "java/lang/Object, java/lang/Object"
  })
  void javaNamesBecomeInternalNames(String java, String internal) {
    assertThat(ClassNames.toInternal(java)).isEqualTo(internal);
  }

  @ParameterizedTest
  @CsvSource({
    "[B, byte[]",
    "[[I, int[][]",
    "[Ljava.lang.Object;, java.lang.Object[]",
    "[Ljava/util/HashMap$Node;, java.util.HashMap$Node[]",
    "[[Ljava.lang.invoke.LambdaForm$Name;, java.lang.invoke.LambdaForm$Name[][]",
    "java/lang/String, java.lang.String",
    "java.lang.String, java.lang.String",
    "Foo$$Lambda/0x000000080100c400, Foo$$Lambda/0x000000080100c400",
    "a/b/Foo$$Lambda/0x0000000801001234, a.b.Foo$$Lambda/0x0000000801001234"
  })
  void internalAndHistogramNamesBecomeJavaNames(String raw, String java) {
    assertThat(ClassNames.toJava(raw)).isEqualTo(java);
  }
}
