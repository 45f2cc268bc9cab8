package org.hpq.shell.repl;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.InputStream;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.charset.StandardCharsets;
import org.hpq.shell.lang.FakeHeapAccess;
import org.hpq.shell.lang.Source;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/** Golden transcripts: {@code NAME.hpq} runs as a script; stdout then stderr must equal {@code NAME.out}. */
class TranscriptTest {
  @ParameterizedTest
  @ValueSource(strings = {"algebra"})
  void matchesTheGoldenOutput(String name) throws IOException {
    String script = resource("transcripts/" + name + ".hpq");
    StringWriter output = new StringWriter();
    PrintWriter writer = new PrintWriter(output);
    ScriptRunner.of(new FakeHeapAccess().interpreter(), writer, writer).run(Source.of(name + ".hpq", script));
    writer.flush();
    assertThat(output.toString()).isEqualTo(resource("transcripts/" + name + ".out"));
  }

  private static String resource(String path) throws IOException {
    try (InputStream stream = TranscriptTest.class.getResourceAsStream(path)) {
      if (stream == null) {
        throw new IOException("missing test resource " + path);
      }
      return new String(stream.readAllBytes(), StandardCharsets.UTF_8);
    }
  }
}
