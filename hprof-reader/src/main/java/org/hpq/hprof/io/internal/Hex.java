package org.hpq.hprof.io.internal;

/** Renders bytes for error messages: hexadecimal, then printable ASCII with dots elsewhere. */
public final class Hex {
  private Hex() {}

  /** For example {@code 50 4b 03 04 "PK.."}; an empty range gives {@code nothing}. */
  public static String describe(byte[] bytes, int offset, int length) {
    if (length <= 0) {
      return "nothing";
    }
    StringBuilder hex = new StringBuilder();
    StringBuilder text = new StringBuilder();
    for (int i = offset; i < offset + length; i++) {
      int value = bytes[i] & 0xff;
      hex.append(String.format("%02x ", value));
      text.append(value >= 0x20 && value < 0x7f ? (char) value : '.');
    }
    return hex + "\"" + text + "\"";
  }
}
