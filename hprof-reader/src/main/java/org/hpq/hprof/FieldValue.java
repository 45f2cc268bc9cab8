package org.hpq.hprof;

/**
 * The value of one field of one object, read from the dump.
 *
 * @param field the field
 * @param bits the value: an id for references, otherwise the primitive's bits (floats by {@link
 *     Float#floatToRawIntBits}, doubles by {@link Double#doubleToRawLongBits}, others sign-extended;
 *     chars zero-extended)
 * @param target for references, the index of the object referred to; -1 for null or an id that is
 *     not in the dump
 */
public record FieldValue(FieldInfo field, long bits, int target) {

  public boolean isReference() {
    return field.type() == BasicType.OBJECT;
  }

  /** The value as a Java object: Integer, Long, Double, Character, Boolean...; ids as Long. */
  public Object value() {
    return switch (field.type()) {
      case OBJECT, LONG -> bits;
      case BOOLEAN -> bits != 0;
      case CHAR -> (char) bits;
      case FLOAT -> Float.intBitsToFloat((int) bits);
      case DOUBLE -> Double.longBitsToDouble(bits);
      case BYTE -> (byte) bits;
      case SHORT -> (short) bits;
      case INT -> (int) bits;
    };
  }

  /** The value as Java source would write it: {@code 42}, {@code 'x'}, {@code true}, {@code 0x7f00}. */
  public String text() {
    if (isReference()) {
      return bits == 0 ? "null" : String.format("0x%x", bits);
    }
    if (field.type() == BasicType.CHAR) {
      return "'" + (char) bits + "'";
    }
    return String.valueOf(value());
  }
}
