package org.hpq.shell.lang.internal;

import java.math.BigInteger;
import org.hpq.shell.lang.Position;

/**
 * A token.
 *
 * @param kind the kind
 * @param text the source text of the token
 * @param stringValue for strings, the decoded text (for unterminated strings in lenient mode,
 *     the text so far); else null
 * @param integerValue for integers, the value (may exceed 64 bits); else null
 * @param start the offset of the first char
 * @param end the offset after the last char
 * @param position the line and column of the first char
 * @param terminated false for a string literal cut off by the end of input (lenient mode)
 */
public record Token(
    TokenKind kind,
    String text,
    String stringValue,
    BigInteger integerValue,
    int start,
    int end,
    Position position,
    boolean terminated) {

  /** A short description for messages: {@code 'text'}, "end of line" or "end of input". */
  public String describe() {
    return switch (kind) {
      case NEWLINE -> "end of line";
      case END -> "end of input";
      case STRING -> "string " + text;
      default -> "'" + text + "'";
    };
  }
}
