package org.hpq.hprof.internal;

/**
 * Lenient decoding of the JVM's modified UTF-8 (symbols in UTF8 records): 1-, 2- and 3-byte forms,
 * the 2-byte NUL, and surrogate pairs written as two 3-byte forms. A malformed byte becomes
 * U+FFFD instead of failing, since a symbol's text is never worth losing a dump over.
 */
final class ModifiedUtf8 {
  private ModifiedUtf8() {}

  static String decode(byte[] bytes) {
    boolean ascii = true;
    for (byte b : bytes) {
      if (b < 0) {
        ascii = false;
        break;
      }
    }
    if (ascii) {
      return new String(bytes, java.nio.charset.StandardCharsets.ISO_8859_1);
    }
    StringBuilder out = new StringBuilder(bytes.length);
    int i = 0;
    while (i < bytes.length) {
      int b = bytes[i] & 0xFF;
      if (b < 0x80) {
        out.append((char) b);
        i++;
      } else if ((b & 0xE0) == 0xC0 && i + 1 < bytes.length && (bytes[i + 1] & 0xC0) == 0x80) {
        out.append((char) (((b & 0x1F) << 6) | (bytes[i + 1] & 0x3F)));
        i += 2;
      } else if ((b & 0xF0) == 0xE0
          && i + 2 < bytes.length
          && (bytes[i + 1] & 0xC0) == 0x80
          && (bytes[i + 2] & 0xC0) == 0x80) {
        out.append(
            (char) (((b & 0x0F) << 12) | ((bytes[i + 1] & 0x3F) << 6) | (bytes[i + 2] & 0x3F)));
        i += 3;
      } else {
        out.append('\uFFFD');
        i++;
      }
    }
    return out.toString();
  }
}
