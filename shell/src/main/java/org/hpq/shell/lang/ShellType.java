package org.hpq.shell.lang;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * The type of shell values: a name, help text and a registry of attributes. One registry feeds
 * evaluation ({@code x.name}), {@code help(x)} and tab completion. Immutable; built with {@link
 * #builder(String, Class)}.
 *
 * <pre>{@code
 * static final ShellType<NodeSetValue> TYPE =
 *     ShellType.builder("NodeSet", NodeSetValue.class)
 *         .summary("an immutable set of heap objects")
 *         .property("count", "the number of objects", set -> IntValue.of(set.count()))
 *         .method(Method.of("by", "by(relation)", "partition by a relation", NodeSetValue::by))
 *         .build();
 * }</pre>
 *
 * @param <T> the class of the values of this type
 */
public final class ShellType<T extends ShellValue> {
  private final String name;
  private final String summary;
  private final String details;
  private final Class<T> valueClass;
  private final Map<String, Attribute<T>> attributes;

  private ShellType(Builder<T> builder) {
    this.name = builder.name;
    this.summary = builder.summary;
    this.details = builder.details;
    this.valueClass = builder.valueClass;
    this.attributes = java.util.Collections.unmodifiableMap(new LinkedHashMap<>(builder.attributes));
  }

  /** Starts a type named {@code name} (as shown in messages) for values of {@code valueClass}. */
  public static <T extends ShellValue> Builder<T> builder(String name, Class<T> valueClass) {
    return new Builder<>(name, valueClass);
  }

  /** The name shown in messages, e.g. {@code NodeSet}. */
  public String name() {
    return name;
  }

  /** One line describing the type. */
  public String summary() {
    return summary;
  }

  /** The attributes in declaration order. */
  public List<Attribute<T>> attributes() {
    return List.copyOf(attributes.values());
  }

  /** The attribute {@code attributeName}, if declared. */
  public Optional<Attribute<T>> findAttribute(String attributeName) {
    return Optional.ofNullable(attributes.get(attributeName));
  }

  /** The attribute names, sorted. */
  public List<String> attributeNames() {
    return attributes.keySet().stream().sorted().toList();
  }

  /**
   * Reads attribute {@code attributeName} of {@code self}.
   *
   * @throws ClassCastException if {@code self} is not a value of this type
   */
  public Optional<ShellValue> getAttribute(ShellValue self, String attributeName) {
    Attribute<T> attribute = attributes.get(attributeName);
    return attribute == null ? Optional.empty() : Optional.of(attribute.read(valueClass.cast(self)));
  }

  /** The help text: name, summary, details, then one line per attribute. */
  public String help() {
    StringBuilder text = new StringBuilder(name);
    if (!summary.isEmpty()) {
      text.append(": ").append(summary);
    }
    if (!details.isEmpty()) {
      text.append("\n\n").append(details);
    }
    List<String[]> properties = new ArrayList<>();
    List<String[]> methods = new ArrayList<>();
    for (Attribute<T> attribute : attributes.values()) {
      if (attribute instanceof Method<T> method) {
        methods.add(new String[] {method.signature(), method.summary()});
      } else {
        properties.add(new String[] {attribute.name(), attribute.summary()});
      }
    }
    appendTable(text, "Attributes", properties);
    appendTable(text, "Methods", methods);
    return text.toString();
  }

  private static void appendTable(StringBuilder text, String title, List<String[]> rows) {
    if (rows.isEmpty()) {
      return;
    }
    int width = rows.stream().mapToInt(row -> row[0].length()).max().orElse(0);
    text.append("\n\n").append(title).append(':');
    for (String[] row : rows) {
      text.append("\n  ").append(row[0]).append(" ".repeat(width - row[0].length() + 2)).append(row[1]);
    }
  }

  @Override
  public String toString() {
    return "ShellType[" + name + "]";
  }

  /**
   * Builds a {@link ShellType}. Not thread-safe.
   *
   * @param <T> the value class
   */
  public static final class Builder<T extends ShellValue> {
    private final String name;
    private final Class<T> valueClass;
    private String summary = "";
    private String details = "";
    private final Map<String, Attribute<T>> attributes = new LinkedHashMap<>();

    private Builder(String name, Class<T> valueClass) {
      this.name = name;
      this.valueClass = valueClass;
    }

    /** Sets the one-line description. */
    public Builder<T> summary(String text) {
      this.summary = text;
      return this;
    }

    /** Sets longer help text. */
    public Builder<T> details(String text) {
      this.details = text;
      return this;
    }

    /**
     * Adds an attribute.
     *
     * @throws IllegalArgumentException if the name is taken
     */
    public Builder<T> add(Attribute<T> attribute) {
      if (attributes.putIfAbsent(attribute.name(), attribute) != null) {
        throw new IllegalArgumentException(name + " already has attribute " + attribute.name());
      }
      return this;
    }

    /** Adds a property. */
    public Builder<T> property(
        String attributeName, String attributeSummary, java.util.function.Function<? super T, ? extends ShellValue> getter) {
      return add(Property.of(attributeName, attributeSummary, getter));
    }

    /** Adds a method. */
    public Builder<T> method(Method<T> method) {
      return add(method);
    }

    /** Builds the immutable type. */
    public ShellType<T> build() {
      return new ShellType<>(this);
    }
  }
}
