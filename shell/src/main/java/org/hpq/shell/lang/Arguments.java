package org.hpq.shell.lang;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeSet;
import org.hpq.shell.lang.value.IntValue;
import org.hpq.shell.lang.value.NoneValue;
import org.hpq.shell.lang.value.StringValue;

/**
 * The arguments of a call, with checks that produce Python-like messages.
 *
 * @param positional the positional arguments in order
 * @param keywords the keyword arguments in the order written
 */
public record Arguments(List<ShellValue> positional, Map<String, ShellValue> keywords) {
  /** Copies both collections. */
  public Arguments {
    positional = List.copyOf(positional);
    keywords = java.util.Collections.unmodifiableMap(new LinkedHashMap<>(keywords));
  }

  /** Positional arguments only. */
  public static Arguments of(ShellValue... values) {
    return new Arguments(List.of(values), Map.of());
  }

  /** The number of positional arguments. */
  public int size() {
    return positional.size();
  }

  /**
   * Checks the counts and keyword names.
   *
   * @param name the function name for messages, e.g. {@code by}
   * @param minimum the least number of positional arguments
   * @param maximum the most number of positional arguments
   * @param allowedKeywords the keywords accepted
   * @throws EvaluationError naming the function when the arguments do not fit
   */
  public Arguments expect(String name, int minimum, int maximum, Set<String> allowedKeywords) {
    if (positional.size() < minimum || positional.size() > maximum) {
      String expected =
          minimum == maximum ? String.valueOf(minimum) : minimum + " to " + maximum;
      throw new EvaluationError(
          name + "() takes " + expected + " positional argument" + (maximum == 1 ? "" : "s")
              + " but " + positional.size() + (positional.size() == 1 ? " was" : " were")
              + " given");
    }
    for (String keyword : keywords.keySet()) {
      if (!allowedKeywords.contains(keyword)) {
        throw new EvaluationError(
            name + "() got an unexpected keyword argument '" + keyword + "'"
                + (allowedKeywords.isEmpty() ? "" : "; it takes " + new TreeSet<>(allowedKeywords)));
      }
    }
    return this;
  }

  /** Same as {@link #expect(String, int, int, Set)} without keywords. */
  public Arguments expect(String name, int minimum, int maximum) {
    return expect(name, minimum, maximum, Set.of());
  }

  /** The positional argument at {@code index}. */
  public ShellValue get(int index) {
    return positional.get(index);
  }

  /** The keyword argument {@code name}, if given. */
  public Optional<ShellValue> keyword(String name) {
    return Optional.ofNullable(keywords.get(name));
  }

  /**
   * The positional argument at {@code index} as a {@code type}.
   *
   * @param what the expected kind for the message, e.g. {@code "a string"}
   * @throws EvaluationError when it is another type
   */
  public <V extends ShellValue> V get(int index, Class<V> type, String what) {
    return cast(positional.get(index), type, "argument " + (index + 1), what);
  }

  /** The positional argument at {@code index} as a long. */
  public long getLong(int index) {
    return get(index, IntValue.class, "an int").value();
  }

  /** The positional argument at {@code index} as a string. */
  public String getString(int index) {
    return get(index, StringValue.class, "a string").value();
  }

  /** The keyword argument {@code name} as a string, if given and not None. */
  public Optional<String> keywordString(String name) {
    return keyword(name)
        .filter(value -> !(value instanceof NoneValue))
        .map(value -> cast(value, StringValue.class, "argument '" + name + "'", "a string").value());
  }

  private static <V extends ShellValue> V cast(
      ShellValue value, Class<V> type, String label, String what) {
    if (!type.isInstance(value)) {
      throw new EvaluationError(
          label + " must be " + what + ", not '" + value.type().name() + "'");
    }
    return type.cast(value);
  }
}
