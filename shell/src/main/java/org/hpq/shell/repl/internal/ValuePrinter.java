package org.hpq.shell.repl.internal;

import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonGenerator;
import java.io.IOException;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.io.UncheckedIOException;
import org.hpq.shell.lang.RenderOptions;
import org.hpq.shell.lang.ShellValue;
import org.hpq.shell.repl.OutputMode;

/** Prints values as text or as one JSON document per line. Not thread-safe. */
public final class ValuePrinter {
  private static final JsonFactory JSON = new JsonFactory();

  private final PrintWriter out;
  private final OutputMode mode;

  /** A printer to {@code out}. */
  public ValuePrinter(PrintWriter out, OutputMode mode) {
    this.out = out;
    this.mode = mode;
  }

  /** Prints {@code value} and flushes. */
  public void print(ShellValue value, RenderOptions options) {
    out.println(mode == OutputMode.JSON ? json(value) : value.render(options));
    out.flush();
  }

  /** {@code value} as one line of JSON. */
  public static String json(ShellValue value) {
    StringWriter text = new StringWriter();
    try (JsonGenerator generator = JSON.createGenerator(text)) {
      value.writeJson(generator);
    } catch (IOException impossible) {
      throw new UncheckedIOException(impossible);
    }
    // A host may write pretty JSON; one document per line is the contract.
    return text.toString().replace("\r", "").replace("\n", " ");
  }
}
