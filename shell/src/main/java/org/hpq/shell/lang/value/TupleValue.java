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
 * An immutable tuple, written (a, b). Supports {@code +} with another tuple, {@code in} (by equality), {@code len},
 * indexing and slicing.
 *
 * @param elements the elements
 */
public record TupleValue(List<ShellValue> elements) implements ShellValue {
  /** The type {@code tuple}. */
  public static final ShellType<TupleValue> TYPE =
      ShellType.builder("tuple", TupleValue.class).summary("an immutable tuple, written (a, b)").build();

  /** Copies the elements. */
  public TupleValue {
    elements = List.copyOf(elements);
  }

  /** Returns a tuple of {@code elements}. */
  public static TupleValue of(List<? extends ShellValue> elements) {
    return new TupleValue(List.copyOf(elements));
  }

  @Override
  public ShellType<TupleValue> type() {
    return TYPE;
  }

  @Override
  public Optional<ShellValue> binary(BinaryOperator operator, ShellValue right) {
    if (operator == BinaryOperator.ADD && right instanceof TupleValue other) {
      List<ShellValue> joined = new ArrayList<>(elements);
      joined.addAll(other.elements);
      return Optional.of(new TupleValue(joined));
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
    return Sequences.index(elements, key, "tuple");
  }

  @Override
  public ShellValue slice(SliceBounds bounds) {
    return new TupleValue(Sequences.slice(elements, bounds));
  }

  @Override
  public String repr() {
    return "(" + Sequences.join(elements) + (elements.size() == 1 ? ",)" : ")");
  }

  @Override
  public void writeJson(JsonGenerator generator) throws IOException {
    Sequences.writeArray(elements, generator);
  }
}
