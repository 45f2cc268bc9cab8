package org.hpq.hprof.internal;

/** Turns the JVM's internal class names into Java names. */
public final class ClassNames {
  private ClassNames() {}

  /**
   * {@code java/lang/String} to {@code java.lang.String}, {@code [I} to {@code int[]}, {@code
   * [[Ljava/lang/Object;} to {@code java.lang.Object[][]}. Names already in Java form are kept.
   */
  public static String javaName(String internal) {
    int dimensions = 0;
    while (dimensions < internal.length() && internal.charAt(dimensions) == '[') {
      dimensions++;
    }
    if (dimensions == 0) {
      return internal.replace('/', '.');
    }
    String element = internal.substring(dimensions);
    String base;
    if (element.startsWith("L") && element.endsWith(";")) {
      base = element.substring(1, element.length() - 1).replace('/', '.');
    } else if (element.length() == 1) {
      base = primitive(element.charAt(0));
    } else {
      base = element.replace('/', '.');
    }
    return base + "[]".repeat(dimensions);
  }

  private static String primitive(char code) {
    return switch (code) {
      case 'Z' -> "boolean";
      case 'C' -> "char";
      case 'F' -> "float";
      case 'D' -> "double";
      case 'B' -> "byte";
      case 'S' -> "short";
      case 'I' -> "int";
      case 'J' -> "long";
      default -> String.valueOf(code);
    };
  }
}
