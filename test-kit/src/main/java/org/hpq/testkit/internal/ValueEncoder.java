package org.hpq.testkit.internal;

import org.hpq.testkit.FieldType;

/** Writes Java values as HPROF field values of a given {@link FieldType}. */
public final class ValueEncoder {
  private ValueEncoder() {}

  /**
   * Writes {@code value} as a {@code type} value; {@code null} writes zero.
   *
   * @throws IllegalArgumentException if the value does not fit the type
   */
  public static void write(ByteSink sink, FieldType type, Object value) {
    switch (type) {
      case OBJECT -> sink.id(value == null ? 0 : number(type, value).longValue());
      case BOOLEAN -> sink.u1(booleanValue(value) ? 1 : 0);
      case CHAR -> sink.u2(value instanceof Character character ? character : intOf(type, value));
      case FLOAT -> sink.u4(Float.floatToRawIntBits(value == null ? 0f : number(type, value).floatValue()));
      case DOUBLE -> sink.u8(Double.doubleToRawLongBits(value == null ? 0d : number(type, value).doubleValue()));
      case BYTE -> sink.u1(intOf(type, value));
      case SHORT -> sink.u2(intOf(type, value));
      case INT -> sink.u4(intOf(type, value));
      case LONG -> sink.u8(value == null ? 0 : number(type, value).longValue());
    }
  }

  /** Writes the elements of a Java primitive array, big-endian, as a PRIM ARRAY DUMP holds them. */
  public static void writeArrayElements(ByteSink sink, Object array) {
    if (array instanceof boolean[] values) {
      for (boolean value : values) {
        sink.u1(value ? 1 : 0);
      }
    } else if (array instanceof char[] values) {
      for (char value : values) {
        sink.u2(value);
      }
    } else if (array instanceof float[] values) {
      for (float value : values) {
        sink.u4(Float.floatToRawIntBits(value));
      }
    } else if (array instanceof double[] values) {
      for (double value : values) {
        sink.u8(Double.doubleToRawLongBits(value));
      }
    } else if (array instanceof byte[] values) {
      sink.bytes(values);
    } else if (array instanceof short[] values) {
      for (short value : values) {
        sink.u2(value);
      }
    } else if (array instanceof int[] values) {
      for (int value : values) {
        sink.u4(value);
      }
    } else if (array instanceof long[] values) {
      for (long value : values) {
        sink.u8(value);
      }
    } else {
      throw new IllegalArgumentException("not a primitive array: " + array);
    }
  }

  private static boolean booleanValue(Object value) {
    if (value == null) {
      return false;
    }
    if (value instanceof Boolean bool) {
      return bool;
    }
    throw new IllegalArgumentException("boolean field needs a Boolean, got " + describe(value));
  }

  private static int intOf(FieldType type, Object value) {
    return value == null ? 0 : number(type, value).intValue();
  }

  private static Number number(FieldType type, Object value) {
    if (value instanceof Number number) {
      return number;
    }
    if (value instanceof Character character && type != FieldType.OBJECT) {
      return (int) character;
    }
    throw new IllegalArgumentException(type + " field needs a Number, got " + describe(value));
  }

  private static String describe(Object value) {
    return value + " (" + value.getClass().getName() + ")";
  }
}
