package org.hpq.shell.lang;

import com.fasterxml.jackson.core.JsonGenerator;
import java.io.IOException;
import java.util.List;
import java.util.Optional;
import java.util.OptionalLong;

/**
 * A value of the shell language. Built-in values live in {@code org.hpq.shell.lang.value}; the
 * host (hpq's heap objects) implements this interface for {@code hp}, sets, kinds and tables.
 *
 * <p>Operators are dispatched through typed methods, never by name. Methods returning {@link
 * Optional} answer "not supported" with empty, so the evaluator can try the other operand and
 * then report a standard error; the other defaults throw an {@link EvaluationError} with the
 * message Python would give. Attributes come from {@link #type()}, so evaluation, {@code help}
 * and tab completion share one source. Implementations should be immutable; methods may be
 * called from the REPL's worker thread and its completion thread. Long work should call {@link
 * CancellationToken#checkpoint()}.
 */
public interface ShellValue {
  /** The value's type: name, help text and attributes. */
  ShellType<?> type();

  /** The value of attribute {@code name}, if the type has it; the default asks {@link #type()}. */
  default Optional<ShellValue> attribute(String name) {
    return type().getAttribute(this, name);
  }

  /** The attribute names for completion and {@code dir()}; the default asks {@link #type()}. */
  default List<String> attributeNames() {
    return type().attributeNames();
  }

  /** Help text for {@code help(x)} and {@code x?}; the default is the type's help. */
  default String help() {
    return type().help();
  }

  /**
   * {@code this OP right}, or empty when this value does not support it with {@code right}; the
   * evaluator then asks {@code right.binaryReflected(op, this)}.
   */
  default Optional<ShellValue> binary(BinaryOperator operator, ShellValue right) {
    return Optional.empty();
  }

  /** {@code left OP this}, asked when {@code left} did not support it; empty if unsupported. */
  default Optional<ShellValue> binaryReflected(BinaryOperator operator, ShellValue left) {
    return Optional.empty();
  }

  /** {@code OP this}, or empty when unsupported. */
  default Optional<ShellValue> unary(UnaryOperator operator) {
    return Optional.empty();
  }

  /**
   * {@code this OP right} for {@code < <= == != >= >} (never {@code in}), or empty when
   * unsupported; the evaluator then asks {@code right} with the swapped operator, and falls back
   * to {@link Object#equals} for {@code ==} and {@code !=}. May return a non-boolean (symbolic)
   * value.
   */
  default Optional<ShellValue> compare(ComparisonOperator operator, ShellValue right) {
    return Optional.empty();
  }

  /** {@code element in this}, or empty when this value has no membership test. */
  default Optional<Boolean> contains(ShellValue element) {
    return Optional.empty();
  }

  /** Truth for {@code and}, {@code or}, {@code not} and chained comparisons; default true. */
  default boolean truth() {
    return true;
  }

  /** {@code len(this)}, or empty when the value has no length. */
  default OptionalLong length() {
    return OptionalLong.empty();
  }

  /**
   * {@code this[key]}.
   *
   * @throws EvaluationError when unsupported or the key is bad
   */
  default ShellValue index(ShellValue key) {
    throw new EvaluationError("'" + type().name() + "' object is not subscriptable");
  }

  /**
   * {@code this[start:stop:step]}.
   *
   * @throws EvaluationError when unsupported
   */
  default ShellValue slice(SliceBounds bounds) {
    throw new EvaluationError("'" + type().name() + "' object cannot be sliced");
  }

  /** Whether {@link #call} is supported. */
  default boolean isCallable() {
    return false;
  }

  /**
   * Whether calling has no side effects and may be done by tab completion to learn the type of
   * the result ({@code hp.heap().<TAB>}). Default false.
   */
  default boolean isPureCall() {
    return false;
  }

  /**
   * {@code this(arguments)}.
   *
   * @throws EvaluationError when not callable or the arguments are bad
   * @throws EvaluationCancelledException when cancelled
   */
  default ShellValue call(Arguments arguments) {
    throw new EvaluationError("'" + type().name() + "' object is not callable");
  }

  /**
   * Completions for a string argument being typed in a call of this value, such as class names
   * for {@code hp.Type('java.util.Ha}. Default none.
   *
   * @param slot which argument is being typed
   * @param prefix the string's text so far
   * @return whole string values that start with {@code prefix}
   */
  default List<String> completeStringArgument(ArgumentSlot slot, String prefix) {
    return List.of();
  }

  /** A one-line representation, used inside lists and by {@code repr}-like contexts. */
  String repr();

  /** The text the REPL prints for this value; the default is {@link #repr()}. */
  default String render(RenderOptions options) {
    return repr();
  }

  /**
   * Writes this value as one JSON value (for {@code --json}). The default writes {@code
   * {"type": NAME, "text": RENDERING}}.
   */
  default void writeJson(JsonGenerator generator) throws IOException {
    generator.writeStartObject();
    generator.writeStringField("type", type().name());
    generator.writeStringField("text", render(RenderOptions.DEFAULT));
    generator.writeEndObject();
  }
}
