package org.hpq.equivalence.internal;

import java.util.Set;
import org.hpq.hprof.FieldValue;
import org.hpq.hprof.HeapDump;
import org.hpq.hprof.ObjectKind;

/**
 * How one object is shown in a {@code byid} table: Strings by their text (quoted, elided in the
 * middle), boxed primitives by value, arrays as {@code address*length}, others by address; in a
 * set of several types every cell is the type followed by that representation.
 */
public final class Representations {
  /** Longest quoted text shown whole; longer texts keep their first 13 and last 14 characters. */
  static final int LIMIT = 30;

  private static final Set<String> BOXED =
      Set.of(
          "java.lang.Integer", "java.lang.Long", "java.lang.Short", "java.lang.Byte",
          "java.lang.Character", "java.lang.Boolean", "java.lang.Float", "java.lang.Double");

  /** The column of a {@code byid} table, by the set's single type (null: several types). */
  public enum Column {
    REPRESENTATION("Representation (limited)"),
    VALUE("Value"),
    ADDRESS_LENGTH("Address*Length"),
    ADDRESS("Address"),
    BRIEF("Brief");

    private final String title;

    Column(String title) {
      this.title = title;
    }

    /** The column header. */
    public String title() {
      return title;
    }
  }

  private Representations() {}

  /** The column for a set whose members all have type {@code typeName} and kind of {@code sample}. */
  public static Column column(HeapDump dump, String typeName, int sample) {
    if (typeName == null) {
      return Column.BRIEF;
    }
    if (typeName.equals("java.lang.String")) {
      return Column.REPRESENTATION;
    }
    if (BOXED.contains(typeName)) {
      return Column.VALUE;
    }
    ObjectKind kind = dump.kind(sample);
    return kind == ObjectKind.OBJECT_ARRAY || kind == ObjectKind.PRIMITIVE_ARRAY
        ? Column.ADDRESS_LENGTH
        : Column.ADDRESS;
  }

  /** The cell of {@code node} in column {@code column}. */
  public static String cell(HeapDump dump, int node, Column column) {
    return switch (column) {
      case REPRESENTATION -> {
        String text = dump.stringValue(node);
        yield text == null ? address(dump, node) : quoteLimited(text);
      }
      case VALUE -> boxedValue(dump, node);
      case ADDRESS_LENGTH -> address(dump, node) + "*" + dump.arrayLength(node);
      case ADDRESS -> address(dump, node);
      case BRIEF -> {
        String type = dump.typeName(node);
        yield type + " " + cell(dump, node, column(dump, type, node));
      }
    };
  }

  /** {@code 0x...}: the object's id in hex. */
  public static String address(HeapDump dump, int node) {
    return String.format("0x%x", dump.id(node));
  }

  /** The {@code value} field of a boxed primitive as Java writes it; the address if absent. */
  public static String boxedValue(HeapDump dump, int node) {
    for (FieldValue field : dump.fields(node)) {
      if (field.field().name().equals("value") && !field.isReference()) {
        return field.text();
      }
    }
    return address(dump, node);
  }

  /** {@code text} quoted and escaped, elided in the middle when longer than {@value #LIMIT}. */
  public static String quoteLimited(String text) {
    String quoted = quote(text);
    if (quoted.length() <= LIMIT) {
      return quoted;
    }
    return quoted.substring(0, 13) + "..." + quoted.substring(quoted.length() - 14);
  }

  /** {@code text} in single quotes with Java escapes for quotes, backslashes and controls. */
  public static String quote(String text) {
    StringBuilder out = new StringBuilder(text.length() + 2).append('\'');
    for (int i = 0; i < text.length(); i++) {
      char c = text.charAt(i);
      switch (c) {
        case '\n' -> out.append("\\n");
        case '\t' -> out.append("\\t");
        case '\r' -> out.append("\\r");
        case '\\' -> out.append("\\\\");
        case '\'' -> out.append("\\'");
        default -> {
          if (c < 0x20 || c == 0x7f) {
            out.append(String.format("\\u%04x", (int) c));
          } else {
            out.append(c);
          }
        }
      }
    }
    return out.append('\'').toString();
  }
}
