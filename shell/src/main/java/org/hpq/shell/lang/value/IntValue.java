package org.hpq.shell.lang.value;

import com.fasterxml.jackson.core.JsonGenerator;
import java.io.IOException;
import java.util.Optional;
import org.hpq.shell.lang.BinaryOperator;
import org.hpq.shell.lang.ComparisonOperator;
import org.hpq.shell.lang.EvaluationError;
import org.hpq.shell.lang.ShellType;
import org.hpq.shell.lang.ShellValue;
import org.hpq.shell.lang.UnaryOperator;

/**
 * A 64-bit integer; arithmetic that overflows is an error, never a wrap.
 *
 * @param value the value
 */
public record IntValue(long value) implements ShellValue {
  /** The type {@code int}. */
  public static final ShellType<IntValue> TYPE =
      ShellType.builder("int", IntValue.class).summary("a 64-bit integer").build();

  /** Returns the value {@code value}. */
  public static IntValue of(long value) {
    return new IntValue(value);
  }

  @Override
  public ShellType<IntValue> type() {
    return TYPE;
  }

  @Override
  public Optional<ShellValue> binary(BinaryOperator operator, ShellValue right) {
    if (!(right instanceof IntValue other)) {
      return Optional.empty();
    }
    long b = other.value;
    try {
      long result =
          switch (operator) {
            case ADD -> Math.addExact(value, b);
            case SUBTRACT -> Math.subtractExact(value, b);
            case MULTIPLY -> Math.multiplyExact(value, b);
            case FLOOR_DIVIDE -> {
              requireNonZero(b);
              if (value == Long.MIN_VALUE && b == -1) {
                throw new ArithmeticException();
              }
              yield Math.floorDiv(value, b);
            }
            case MODULO -> {
              requireNonZero(b);
              yield Math.floorMod(value, b);
            }
            case AND -> value & b;
            case OR -> value | b;
            case XOR -> value ^ b;
          };
      return Optional.of(of(result));
    } catch (ArithmeticException overflow) {
      throw new EvaluationError("integer overflow: " + value + " " + operator.symbol() + " " + b);
    }
  }

  private static void requireNonZero(long divisor) {
    if (divisor == 0) {
      throw new EvaluationError("integer division by zero");
    }
  }

  @Override
  public Optional<ShellValue> unary(UnaryOperator operator) {
    return switch (operator) {
      case NEGATE -> {
        if (value == Long.MIN_VALUE) {
          throw new EvaluationError("integer overflow: -(" + value + ")");
        }
        yield Optional.of(of(-value));
      }
      case PLUS -> Optional.of(this);
      case INVERT -> Optional.of(of(~value));
    };
  }

  @Override
  public Optional<ShellValue> compare(ComparisonOperator operator, ShellValue right) {
    if (!(right instanceof IntValue other)) {
      return Optional.empty();
    }
    return Optional.of(BoolValue.of(Comparisons.test(operator, Long.compare(value, other.value))));
  }

  @Override
  public boolean truth() {
    return value != 0;
  }

  @Override
  public String repr() {
    return Long.toString(value);
  }

  @Override
  public void writeJson(JsonGenerator generator) throws IOException {
    generator.writeNumber(value);
  }
}
