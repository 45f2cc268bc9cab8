package org.hpq.hprof.internal;

/** Turns the JVM's internal class names into Java names. */
public final class ClassNames {
  private ClassNames() {}

  /**
   * {@code java/lang/String} to {@code java.lang.String}, {@code [I} to {@code int[]}, {@code
   * [[Ljava/lang/Object;} to {@code java.lang.Object[][]}. Names already in Java form are kept.
   * A hidden class's suffix is spelled as {@code Class.getName()} and {@code GC.class_histogram}
   * spell it: HotSpot's symbol {@code Foo$$Lambda+0x0000a0} (what HPROF writes) becomes {@code
   * Foo$$Lambda/0x0000a0}, also as an array's element name.
   */
  public static String javaName(String internal) {
    int dimensions = 0;
    while (dimensions < internal.length() && internal.charAt(dimensions) == '[') {
      dimensions++;
    }
    if (dimensions == 0) {
      return hiddenSuffix(internal.replace('/', '.'));
    }
    String element = internal.substring(dimensions);
    String base;
    if (element.startsWith("L") && element.endsWith(";")) {
      base = hiddenSuffix(element.substring(1, element.length() - 1).replace('/', '.'));
    } else if (element.length() == 1) {
      base = primitive(element.charAt(0));
    } else {
      base = hiddenSuffix(element.replace('/', '.'));
    }
    return base + "[]".repeat(dimensions);
  }

  /** {@code Name+0x<hex digits>} to {@code Name/0x<hex digits>}; other names unchanged. */
  private static String hiddenSuffix(String name) {
    int plus = name.lastIndexOf("+0x");
    if (plus <= 0 || plus + 3 == name.length()) {
      return name;
    }
    for (int i = plus + 3; i < name.length(); i++) {
      if (Character.digit(name.charAt(i), 16) < 0) {
        return name;
      }
    }
    return name.substring(0, plus) + '/' + name.substring(plus + 1);
  }

  /**
   * A Java name as {@code Class.getName()} spells it: {@code java.lang.String} stays, {@code
   * int[]} becomes {@code [I} and {@code java.lang.Object[][]} becomes {@code
   * [[Ljava.lang.Object;}.
   */
  public static String classGetName(String javaName) {
    int end = javaName.length();
    int dimensions = 0;
    while (end >= 2 && javaName.startsWith("[]", end - 2)) {
      end -= 2;
      dimensions++;
    }
    if (dimensions == 0) {
      return javaName;
    }
    String element = javaName.substring(0, end);
    String code =
        switch (element) {
          case "boolean" -> "Z";
          case "char" -> "C";
          case "float" -> "F";
          case "double" -> "D";
          case "byte" -> "B";
          case "short" -> "S";
          case "int" -> "I";
          case "long" -> "J";
          default -> "L" + element + ";";
        };
    return "[".repeat(dimensions) + code;
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
