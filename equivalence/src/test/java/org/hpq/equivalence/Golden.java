package org.hpq.equivalence;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;

/**
 * Golden text files under {@code src/test/resources/golden/}, compared exactly. Run with {@code
 * -Dgolden.update=true} to rewrite them from the current output (then review the diff).
 */
final class Golden {
  private Golden() {}

  static void check(String name, String actual) {
    if (Boolean.getBoolean("golden.update")) {
      try {
        Path file = Path.of("src/test/resources/golden", name);
        Files.createDirectories(file.getParent());
        Files.writeString(file, actual, StandardCharsets.UTF_8);
      } catch (IOException e) {
        throw new UncheckedIOException(e);
      }
      return;
    }
    try (InputStream in = Golden.class.getResourceAsStream("/golden/" + name)) {
      assertThat(in).as("golden file %s (create it with -Dgolden.update=true)", name).isNotNull();
      String expected = new String(in.readAllBytes(), StandardCharsets.UTF_8);
      assertThat(actual).as("golden file %s", name).isEqualTo(expected);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }
}
