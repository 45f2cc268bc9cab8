package org.hpq.testkit;

/** Converts between Java class names ({@code java.lang.Object[]}) and internal names. */
public final class ClassNames {
  private ClassNames() {}

  /**
   * The internal (JVM) form of a class name, as LOAD CLASS records hold it.
   *
   * <p>{@code java.lang.String} gives {@code java/lang/String}, {@code int[]} gives {@code [I},
   * {@code java.lang.Object[][]} gives {@code [[Ljava/lang/Object;}. A name that is already
   * internal (starts with {@code [} or contains {@code /}) is returned unchanged.
   */
  public static String toInternal(String name) {
    if (name.startsWith("[") || name.contains("/")) {
      return name;
    }
    int dimensions = 0;
    String element = name;
    while (element.endsWith("[]")) {
      dimensions++;
      element = element.substring(0, element.length() - 2);
    }
    if (dimensions == 0) {
      return name.replace('.', '/');
    }
    String descriptor = primitiveDescriptor(element);
    if (descriptor == null) {
      descriptor = "L" + element.replace('.', '/') + ";";
    }
    return "[".repeat(dimensions) + descriptor;
  }

  /**
   * The Java form of an internal or descriptor-style name: {@code [B} gives {@code byte[]}, {@code
   * [Ljava.lang.Object;} and {@code [Ljava/lang/Object;} give {@code java.lang.Object[]}, {@code
   * java/lang/String} gives {@code java.lang.String}. Hidden class suffixes such as {@code
   * /0x0000000801001234} after {@code $$Lambda} are kept.
   */
  public static String toJava(String name) {
    int dimensions = 0;
    while (dimensions < name.length() && name.charAt(dimensions) == '[') {
      dimensions++;
    }
    String element = name.substring(dimensions);
    if (dimensions > 0) {
      if (element.startsWith("L") && element.endsWith(";")) {
        element = element.substring(1, element.length() - 1);
      } else if (element.length() == 1) {
        element = primitiveName(element.charAt(0));
      }
    }
    return dotted(element) + "[]".repeat(dimensions);
  }

  private static String dotted(String element) {
    int hidden = element.indexOf("/0x");
    if (hidden >= 0) {
      return element.substring(0, hidden).replace('/', '.') + element.substring(hidden);
    }
    return element.replace('/', '.');
  }

  private static String primitiveDescriptor(String javaName) {
    for (FieldType type : FieldType.values()) {
      if (type != FieldType.OBJECT && type.javaName().equals(javaName)) {
        return String.valueOf(type.descriptor());
      }
    }
    return null;
  }

  private static String primitiveName(char descriptor) {
    for (FieldType type : FieldType.values()) {
      if (type != FieldType.OBJECT && type.descriptor() == descriptor) {
        return type.javaName();
      }
    }
    return String.valueOf(descriptor);
  }
}
