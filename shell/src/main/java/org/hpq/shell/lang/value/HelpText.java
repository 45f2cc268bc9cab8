package org.hpq.shell.lang.value;

import com.fasterxml.jackson.core.JsonGenerator;
import java.io.IOException;
import org.hpq.shell.lang.ShellType;
import org.hpq.shell.lang.ShellValue;

/**
 * Documentation text, the result of {@code help(x)}; printed verbatim.
 *
 * @param text the text
 */
public record HelpText(String text) implements ShellValue {
  /** The type {@code help}. */
  public static final ShellType<HelpText> TYPE =
      ShellType.builder("help", HelpText.class).summary("documentation text").build();

  @Override
  public ShellType<HelpText> type() {
    return TYPE;
  }

  @Override
  public String repr() {
    return text;
  }

  @Override
  public void writeJson(JsonGenerator generator) throws IOException {
    generator.writeStartObject();
    generator.writeStringField("help", text);
    generator.writeEndObject();
  }
}
