package org.hpq.shell.lang.value;

import com.fasterxml.jackson.core.JsonGenerator;
import java.io.IOException;
import org.hpq.shell.lang.ShellType;
import org.hpq.shell.lang.ShellValue;

/** {@code None}: no value. The REPL prints nothing for it and does not store it in {@code _}. */
public record NoneValue() implements ShellValue {
  /** The type {@code NoneType}. */
  public static final ShellType<NoneValue> TYPE =
      ShellType.builder("NoneType", NoneValue.class).summary("the absence of a value").build();

  /** The value. */
  public static final NoneValue NONE = new NoneValue();

  @Override
  public ShellType<NoneValue> type() {
    return TYPE;
  }

  @Override
  public boolean truth() {
    return false;
  }

  @Override
  public String repr() {
    return "None";
  }

  @Override
  public void writeJson(JsonGenerator generator) throws IOException {
    generator.writeNull();
  }
}
