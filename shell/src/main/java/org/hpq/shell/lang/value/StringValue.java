package org.hpq.shell.lang.value;

import com.fasterxml.jackson.core.JsonGenerator;
import java.io.IOException;
import java.util.Optional;
import java.util.OptionalLong;
import org.hpq.shell.lang.BinaryOperator;
import org.hpq.shell.lang.ComparisonOperator;
import org.hpq.shell.lang.EvaluationError;
import org.hpq.shell.lang.Indices;
import org.hpq.shell.lang.Method;
import org.hpq.shell.lang.ShellType;
import org.hpq.shell.lang.ShellValue;
import org.hpq.shell.lang.SliceBounds;

/**
 * A string. Supports {@code +}, {@code * int}, ordering, {@code in} (substring), {@code len},
 * indexing and slicing (by UTF-16 char).
 *
 * @param value the text
 */
public record StringValue(String value) implements ShellValue {
  /** The type {@code str}. */
  public static final ShellType<StringValue> TYPE =
      ShellType.builder("str", StringValue.class)
          .summary("a string")
          .method(
              Method.<StringValue>of(
                      "startswith", "startswith(prefix)", "whether the string starts with prefix",
                      (self, arguments) ->
                          BoolValue.of(self.value.startsWith(arguments.expect("startswith", 1, 1).getString(0))))
                  .asPure())
          .method(
              Method.<StringValue>of(
                      "endswith", "endswith(suffix)", "whether the string ends with suffix",
                      (self, arguments) ->
                          BoolValue.of(self.value.endsWith(arguments.expect("endswith", 1, 1).getString(0))))
                  .asPure())
          .build();

  /** Returns the string {@code value}. */
  public static StringValue of(String value) {
    return new StringValue(value);
  }

  @Override
  public ShellType<StringValue> type() {
    return TYPE;
  }

  @Override
  public Optional<ShellValue> binary(BinaryOperator operator, ShellValue right) {
    if (operator == BinaryOperator.ADD && right instanceof StringValue other) {
      return Optional.of(of(value + other.value));
    }
    if (operator == BinaryOperator.MULTIPLY && right instanceof IntValue count) {
      return Optional.of(of(repeat(count.value())));
    }
    return Optional.empty();
  }

  @Override
  public Optional<ShellValue> binaryReflected(BinaryOperator operator, ShellValue left) {
    if (operator == BinaryOperator.MULTIPLY && left instanceof IntValue count) {
      return Optional.of(of(repeat(count.value())));
    }
    return Optional.empty();
  }

  private String repeat(long count) {
    if (count <= 0) {
      return "";
    }
    if (count * (double) value.length() > 100_000_000) {
      throw new EvaluationError("string repetition too large");
    }
    return value.repeat((int) count);
  }

  @Override
  public Optional<ShellValue> compare(ComparisonOperator operator, ShellValue right) {
    if (!(right instanceof StringValue other)) {
      return Optional.empty();
    }
    return Optional.of(BoolValue.of(Comparisons.test(operator, value.compareTo(other.value))));
  }

  @Override
  public Optional<Boolean> contains(ShellValue element) {
    if (!(element instanceof StringValue other)) {
      throw new EvaluationError(
          "'in <string>' requires string as left operand, not " + element.type().name());
    }
    return Optional.of(value.contains(other.value));
  }

  @Override
  public boolean truth() {
    return !value.isEmpty();
  }

  @Override
  public OptionalLong length() {
    return OptionalLong.of(value.length());
  }

  @Override
  public ShellValue index(ShellValue key) {
    long position = Sequences.indexKey(key, "string");
    return of(String.valueOf(value.charAt((int) Indices.resolve(position, value.length(), "string"))));
  }

  @Override
  public ShellValue slice(SliceBounds bounds) {
    StringBuilder result = new StringBuilder();
    Sequences.forEachSelected(bounds, value.length(), index -> result.append(value.charAt(index)));
    return of(result.toString());
  }

  @Override
  public String repr() {
    return quote(value);
  }

  /** Python's repr of a string: single quotes unless it holds a single quote and no double. */
  public static String quote(String text) {
    char quote = text.indexOf('\'') >= 0 && text.indexOf('"') < 0 ? '"' : '\'';
    StringBuilder out = new StringBuilder().append(quote);
    for (int index = 0; index < text.length(); index++) {
      char c = text.charAt(index);
      switch (c) {
        case '\\' -> out.append("\\\\");
        case '\n' -> out.append("\\n");
        case '\t' -> out.append("\\t");
        case '\r' -> out.append("\\r");
        default -> {
          if (c == quote) {
            out.append('\\').append(c);
          } else if (c < 0x20 || c == 0x7f) {
            out.append(String.format("\\x%02x", (int) c));
          } else {
            out.append(c);
          }
        }
      }
    }
    return out.append(quote).toString();
  }


  @Override
  public void writeJson(JsonGenerator generator) throws IOException {
    generator.writeString(value);
  }
}
