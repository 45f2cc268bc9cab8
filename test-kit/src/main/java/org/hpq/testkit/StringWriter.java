package org.hpq.testkit;

import java.nio.ByteBuffer;
import java.nio.ByteOrder;

/** Writes {@code java.lang.String} objects with their value arrays for {@link HprofWriter}. */
final class StringWriter {
  private StringWriter() {}

  static long write(
      HprofWriter writer, String value, StringLayout layout, boolean forceUtf16, ByteOrder order) {
    long stringClassId = writer.findClassId("java.lang.String");
    if (layout == StringLayout.CHAR_ARRAY) {
      long arrayId = writer.primitiveArray(value.toCharArray());
      return writer.instance(stringClassId).set("value", arrayId).write();
    }
    boolean latin1 = !forceUtf16 && value.chars().allMatch(character -> character <= 0xFF);
    byte[] bytes;
    if (latin1) {
      bytes = new byte[value.length()];
      for (int i = 0; i < bytes.length; i++) {
        bytes[i] = (byte) value.charAt(i);
      }
    } else {
      ByteBuffer buffer = ByteBuffer.allocate(2 * value.length()).order(order);
      for (int i = 0; i < value.length(); i++) {
        buffer.putChar(value.charAt(i));
      }
      bytes = buffer.array();
    }
    long arrayId = writer.primitiveArray(bytes);
    return writer
        .instance(stringClassId)
        .set("value", arrayId)
        .set("coder", latin1 ? 0 : 1)
        .write();
  }
}
