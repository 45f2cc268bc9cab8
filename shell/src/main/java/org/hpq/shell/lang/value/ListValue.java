package org.hpq.shell.lang.value;

import com.fasterxml.jackson.core.JsonGenerator;
import java.io.IOException;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.OptionalLong;
import org.hpq.shell.lang.BinaryOperator;
import org.hpq.shell.lang.ShellType;
import org.hpq.shell.lang.ShellValue;
import org.hpq.shell.lang.SliceBounds;

/**
 * An immutable list, written [a, b]. Supports {@code +} with another list, {@code in} (by equality), {@code len},
 * indexing and slicing.
 *
 * @param elements the elements
 */
public record ListValue(List<ShellValue> elements) implements ShellValue {
  /** The type {@code list}. */
  public static final ShellType<ListValue> TYPE =
      ShellType.builder("list", ListValue.class).summary("an immutable list, written [a, b]").build();

  /** Copies the elements. */
  public ListValue {
    elements = List.copyOf(elements);
  }

  /** Returns a list of {@code elements}. */
  public static ListValue of(List<? extends ShellValue> elements) {
    return new ListValue(List.copyOf(elements));
  }

  @Override
  public ShellType<ListValue> type() {
    return TYPE;
  }

  @Override
  public Optional<ShellValue> binary(BinaryOperator operator, ShellValue right) {
    if (operator == BinaryOperator.ADD && right instanceof ListValue other) {
      List<ShellValue> joined = new ArrayList<>(elements);
      joined.addAll(other.elements);
      return Optional.of(new ListValue(joined));
    }
    return Optional.empty();
  }

  @Override
  public Optional<Boolean> contains(ShellValue element) {
    return Optional.of(elements.contains(element));
  }

  @Override
  public boolean truth() {
    return !elements.isEmpty();
  }

  @Override
  public OptionalLong length() {
    return OptionalLong.of(elements.size());
  }

  @Override
  public ShellValue index(ShellValue key) {
    return Sequences.index(elements, key, "list");
  }

  @Override
  public ShellValue slice(SliceBounds bounds) {
    return new ListValue(Sequences.slice(elements, bounds));
  }

  @Override
  public String repr() {
    return "[" + Sequences.join(elements) + "]";
  }

  @Override
  public void writeJson(JsonGenerator generator) throws IOException {
    Sequences.writeArray(elements, generator);
  }
}
