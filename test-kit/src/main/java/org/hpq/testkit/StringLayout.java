package org.hpq.testkit;

/** How {@code java.lang.String} holds its characters in the dumped VM. */
public enum StringLayout {
  /**
   * JDK 9+: {@code byte[] value; byte coder} with coder 0 = Latin-1 (one byte per char) and 1 =
   * UTF-16 (two bytes per char, in the VM's native byte order).
   */
  COMPACT,
  /** JDK 8: {@code char[] value}. */
  CHAR_ARRAY
}
