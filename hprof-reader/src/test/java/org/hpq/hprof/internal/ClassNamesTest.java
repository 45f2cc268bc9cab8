package org.hpq.hprof.internal;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.Test;

/** JVM names to Java names, and lenient modified UTF-8. */
class ClassNamesTest {
  @Test
  void turnsInternalNamesIntoJavaNames() {
    assertThat(ClassNames.javaName("java/lang/String")).isEqualTo("java.lang.String");
    assertThat(ClassNames.javaName("[B")).isEqualTo("byte[]");
    assertThat(ClassNames.javaName("[[I")).isEqualTo("int[][]");
    assertThat(ClassNames.javaName("[Ljava/lang/Object;")).isEqualTo("java.lang.Object[]");
    assertThat(ClassNames.javaName("[Ljava/util/HashMap$Node;")).isEqualTo("java.util.HashMap$Node[]");
    assertThat(ClassNames.javaName("java.lang.Thread")).isEqualTo("java.lang.Thread");
    assertThat(ClassNames.javaName("")).isEqualTo("");
    assertThat(ClassNames.javaName("[")).isEqualTo("[]");
  }

  @Test
  void spellsHiddenClassesAsClassGetNameDoes() {
    assertThat(ClassNames.javaName("java/lang/ProcessHandleImpl$$Lambda$2+0x00007f49cc041bc0"))
        .isEqualTo("java.lang.ProcessHandleImpl$$Lambda$2/0x00007f49cc041bc0");
    assertThat(ClassNames.javaName("java/lang/invoke/LambdaForm$MH+0x0000000800c0a000"))
        .isEqualTo("java.lang.invoke.LambdaForm$MH/0x0000000800c0a000");
    assertThat(ClassNames.javaName("[[Lcom/example/Foo$$Lambda+0x1f;")).isEqualTo("com.example.Foo$$Lambda/0x1f[][]");
    // Not a hidden-class suffix: no hex digits, other characters after them, nothing before.
    assertThat(ClassNames.javaName("com/example/A+0x")).isEqualTo("com.example.A+0x");
    assertThat(ClassNames.javaName("com/example/A+0x12g")).isEqualTo("com.example.A+0x12g");
    assertThat(ClassNames.javaName("+0x12")).isEqualTo("+0x12");
    assertThat(ClassNames.javaName("com/example/A+1")).isEqualTo("com.example.A+1");
  }

  @Test
  void decodesModifiedUtf8Leniently() {
    assertThat(ModifiedUtf8.decode("plain".getBytes(StandardCharsets.US_ASCII))).isEqualTo("plain");
    assertThat(ModifiedUtf8.decode("caf\u00e9 \u65e5".getBytes(StandardCharsets.UTF_8))).isEqualTo("caf\u00e9 \u65e5");
    assertThat(ModifiedUtf8.decode(new byte[] {(byte) 0xC0, (byte) 0x80})).isEqualTo("\u0000");
    // A surrogate pair as two 3-byte forms.
    assertThat(ModifiedUtf8.decode(new byte[] {(byte) 0xED, (byte) 0xA0, (byte) 0xBD, (byte) 0xED, (byte) 0xB8, (byte) 0x80}))
        .isEqualTo("\ud83d\ude00");
    assertThat(ModifiedUtf8.decode(new byte[] {'a', (byte) 0xFF, 'b', (byte) 0xE0})).isEqualTo("a\ufffdb\ufffd");
  }
}
