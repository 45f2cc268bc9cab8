package org.hpq.shell.lang.value;

import com.fasterxml.jackson.core.JsonGenerator;
import java.io.IOException;
import java.util.Optional;
import org.hpq.shell.lang.BinaryOperator;
import org.hpq.shell.lang.ShellType;
import org.hpq.shell.lang.ShellValue;

/**
 * {@code True} or {@code False}. Supports {@code & | ^} between booleans; not an int.
 *
 * @param value the value
 */
public record BoolValue(boolean value) implements ShellValue {
  /** The type {@code bool}. */
  public static final ShellType<BoolValue> TYPE =
      ShellType.builder("bool", BoolValue.class).summary("True or False").build();

  /** {@code True}. */
  public static final BoolValue TRUE = new BoolValue(true);

  /** {@code False}. */
  public static final BoolValue FALSE = new BoolValue(false);

  /** Returns {@link #TRUE} or {@link #FALSE}. */
  public static BoolValue of(boolean value) {
    return value ? TRUE : FALSE;
  }

  @Override
  public ShellType<BoolValue> type() {
    return TYPE;
  }

  @Override
  public Optional<ShellValue> binary(BinaryOperator operator, ShellValue right) {
    if (!(right instanceof BoolValue other)) {
      return Optional.empty();
    }
    return switch (operator) {
      case AND -> Optional.of(of(value & other.value));
      case OR -> Optional.of(of(value | other.value));
      case XOR -> Optional.of(of(value ^ other.value));
      default -> Optional.empty();
    };
  }

  @Override
  public boolean truth() {
    return value;
  }

  @Override
  public String repr() {
    return value ? "True" : "False";
  }

  @Override
  public void writeJson(JsonGenerator generator) throws IOException {
    generator.writeBoolean(value);
  }
}
