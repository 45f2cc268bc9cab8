package org.hpq.shell.lang.internal;

import java.math.BigInteger;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.List;
import java.util.Map;
import org.hpq.shell.lang.IncompleteInputError;
import org.hpq.shell.lang.Position;
import org.hpq.shell.lang.SyntaxError;

/**
 * Splits source text into tokens. Newlines inside brackets, after an operator that needs a right
 * operand, and after a backslash are not tokens (the line continues).
 *
 * <p>Strict mode ({@link #tokenize}) throws {@link SyntaxError} or {@link IncompleteInputError}.
 * Lenient mode ({@link #tokenizeLenient}) never throws: it keeps comments and reports bad text
 * as {@link TokenKind#ERROR} tokens, for highlighting and completion.
 */
public final class Lexer {
  private static final Map<String, TokenKind> KEYWORDS =
      Map.of(
          "True", TokenKind.TRUE, "False", TokenKind.FALSE, "None", TokenKind.NONE,
          "and", TokenKind.AND, "or", TokenKind.OR, "not", TokenKind.NOT, "in", TokenKind.IN);

  private final String text;
  private final boolean lenient;
  private final List<Token> tokens = new ArrayList<>();
  private final Deque<Token> openBrackets = new ArrayDeque<>();
  private int offset;
  private int line = 1;
  private int lineStart;

  private Lexer(String text, boolean lenient) {
    this.text = text;
    this.lenient = lenient;
  }

  /**
   * Tokenizes strictly; the list ends with {@link TokenKind#END}.
   *
   * @throws SyntaxError for bad text
   */
  public static Lexer tokenize(String text) {
    Lexer lexer = new Lexer(text, false);
    lexer.run();
    return lexer;
  }

  /** Tokenizes leniently, never throwing; the list ends with {@link TokenKind#END}. */
  public static Lexer tokenizeLenient(String text) {
    Lexer lexer = new Lexer(text, true);
    lexer.run();
    return lexer;
  }

  /** The tokens, ending with {@link TokenKind#END}. */
  public List<Token> tokens() {
    return tokens;
  }

  /** The brackets still open at the end of input, innermost first. */
  public List<Token> openBrackets() {
    return List.copyOf(openBrackets);
  }

  private Position here() {
    return new Position(line, offset - lineStart + 1);
  }

  private Position positionOf(int at) {
    int lineNumber = 1;
    int start = 0;
    for (int index = 0; index < at; index++) {
      if (text.charAt(index) == '\n') {
        lineNumber++;
        start = index + 1;
      }
    }
    return new Position(lineNumber, at - start + 1);
  }

  private void run() {
    while (offset < text.length()) {
      char c = text.charAt(offset);
      if (c == '\n') {
        newline();
      } else if (c == ' ' || c == '\t' || c == '\r' || c == '\f') {
        offset++;
      } else if (c == '#') {
        int start = offset;
        while (offset < text.length() && text.charAt(offset) != '\n') {
          offset++;
        }
        if (lenient) {
          add(TokenKind.COMMENT, start, null, null, true);
        }
      } else if (c == '\\') {
        backslash();
      } else if (Character.isJavaIdentifierStart(c) && c != '$') {
        name();
      } else if (c >= '0' && c <= '9') {
        number();
      } else if (c == '\'' || c == '"') {
        string(c);
      } else {
        operator(c);
      }
    }
    Position end = here();
    tokens.add(new Token(TokenKind.END, "", null, null, offset, offset, end, true));
  }

  private void newline() {
    int start = offset;
    Position position = here();
    offset++;
    line++;
    lineStart = offset;
    if (!openBrackets.isEmpty()) {
      return;
    }
    Token previous = tokens.isEmpty() ? null : lastSignificant();
    if (previous == null || previous.kind() == TokenKind.NEWLINE || previous.kind().needsRightOperand()) {
      return;
    }
    tokens.add(new Token(TokenKind.NEWLINE, "\n", null, null, start, offset, position, true));
  }

  private Token lastSignificant() {
    for (int index = tokens.size() - 1; index >= 0; index--) {
      if (tokens.get(index).kind() != TokenKind.COMMENT) {
        return tokens.get(index);
      }
    }
    return null;
  }

  private void backslash() {
    int start = offset;
    offset++;
    if (offset < text.length() && text.charAt(offset) == '\n') {
      offset++;
      line++;
      lineStart = offset;
    } else if (offset >= text.length()) {
      if (!lenient) {
        Position position = positionOf(start);
        throw new IncompleteInputError("line continues after '\\'", position.line(), position.column());
      }
    } else {
      fail("unexpected character after line continuation '\\'", start);
    }
  }

  private void name() {
    int start = offset;
    while (offset < text.length()
        && Character.isJavaIdentifierPart(text.charAt(offset))
        && text.charAt(offset) != '$') {
      offset++;
    }
    String word = text.substring(start, offset);
    add(KEYWORDS.getOrDefault(word, TokenKind.NAME), start, null, null, true);
  }

  private void number() {
    int start = offset;
    int radix = 10;
    if (text.charAt(offset) == '0' && offset + 1 < text.length()) {
      char prefix = Character.toLowerCase(text.charAt(offset + 1));
      radix = prefix == 'x' ? 16 : prefix == 'o' ? 8 : prefix == 'b' ? 2 : 10;
      if (radix != 10) {
        offset += 2;
      }
    }
    int digitsStart = offset;
    while (offset < text.length()
        && (Character.isLetterOrDigit(text.charAt(offset)) || text.charAt(offset) == '_')) {
      offset++;
    }
    String digits = text.substring(digitsStart, offset).replace("_", "");
    BigInteger value = null;
    try {
      if (!digits.isEmpty() && !text.substring(digitsStart, offset).startsWith("_")
          && !text.substring(digitsStart, offset).endsWith("_")
          && !text.substring(digitsStart, offset).contains("__")) {
        value = new BigInteger(digits, radix);
      }
    } catch (NumberFormatException badDigits) {
      value = null;
    }
    if (value == null) {
      String what = radix == 16 ? "hexadecimal" : radix == 8 ? "octal" : radix == 2 ? "binary" : "decimal";
      fail("invalid " + what + " literal '" + text.substring(start, offset) + "'", start);
      return;
    }
    add(TokenKind.INTEGER, start, null, value, true);
  }

  private void string(char quote) {
    int start = offset;
    offset++;
    StringBuilder value = new StringBuilder();
    while (true) {
      if (offset >= text.length()) {
        if (lenient) {
          add(TokenKind.STRING, start, value.toString(), null, false);
          return;
        }
        throw unterminated(start);
      }
      char c = text.charAt(offset);
      if (c == quote) {
        offset++;
        add(TokenKind.STRING, start, value.toString(), null, true);
        return;
      }
      if (c == '\n') {
        if (lenient) {
          add(TokenKind.STRING, start, value.toString(), null, false);
          return;
        }
        throw unterminated(start);
      }
      if (c == '\\') {
        if (!escape(value, start)) {
          return;
        }
      } else {
        value.append(c);
        offset++;
      }
    }
  }

  /** Decodes one escape at {@code offset}; false when lenient mode gave up on the string. */
  private boolean escape(StringBuilder value, int stringStart) {
    int escapeStart = offset;
    offset++;
    if (offset >= text.length()) {
      if (lenient) {
        add(TokenKind.STRING, stringStart, value.toString(), null, false);
        return false;
      }
      Position position = positionOf(escapeStart);
      throw new IncompleteInputError("string continues after '\\'", position.line(), position.column());
    }
    char c = text.charAt(offset++);
    switch (c) {
      case '\n' -> {
        line++;
        lineStart = offset;
      }
      case '\\', '\'', '"' -> value.append(c);
      case 'n' -> value.append('\n');
      case 't' -> value.append('\t');
      case 'r' -> value.append('\r');
      case '0' -> value.append('\0');
      case 'x' -> value.append(hexEscape(2, escapeStart));
      case 'u' -> value.append(hexEscape(4, escapeStart));
      case 'U' -> value.appendCodePoint(hexEscapeCodePoint(8, escapeStart));
      default -> {
        if (!lenient) {
          fail("invalid escape sequence '\\" + c + "'", escapeStart);
        }
        value.append('\\').append(c);
      }
    }
    return true;
  }

  private char hexEscape(int digits, int escapeStart) {
    return (char) hexEscapeCodePoint(digits, escapeStart);
  }

  private int hexEscapeCodePoint(int digits, int escapeStart) {
    if (offset + digits <= text.length()) {
      try {
        int codePoint = Integer.parseInt(text.substring(offset, offset + digits), 16);
        if (Character.isValidCodePoint(codePoint)) {
          offset += digits;
          return codePoint;
        }
      } catch (NumberFormatException notHex) {
        // reported below
      }
    }
    fail("invalid escape sequence '" + text.substring(escapeStart, Math.min(text.length(), offset + digits)) + "'", escapeStart);
    return '?';
  }

  private SyntaxError unterminated(int start) {
    Position position = positionOf(start);
    return new SyntaxError("unterminated string literal", position);
  }

  private void operator(char c) {
    int start = offset;
    String two = offset + 1 < text.length() ? text.substring(offset, offset + 2) : "";
    TokenKind kind =
        switch (two) {
          case "//" -> TokenKind.DOUBLE_SLASH;
          case "<=" -> TokenKind.LESS_EQUAL;
          case ">=" -> TokenKind.GREATER_EQUAL;
          case "==" -> TokenKind.EQUAL_EQUAL;
          case "!=" -> TokenKind.NOT_EQUAL;
          default -> null;
        };
    if (kind != null) {
      offset += 2;
      add(kind, start, null, null, true);
      return;
    }
    kind = singleCharOperator(c);
    offset++;
    if (kind == null) {
      fail("unexpected character '" + c + "'", start);
      return;
    }
    if (kind == TokenKind.LEFT_PAREN || kind == TokenKind.LEFT_BRACKET) {
      add(kind, start, null, null, true);
      openBrackets.push(tokens.get(tokens.size() - 1));
      return;
    }
    if ((kind == TokenKind.RIGHT_PAREN || kind == TokenKind.RIGHT_BRACKET)
        && !closeBracket(kind, c, start)) {
      return;
    }
    add(kind, start, null, null, true);
  }

  /** Pops the matching open bracket; false (lenient mode) when it does not match. */
  private boolean closeBracket(TokenKind kind, char c, int start) {
    if (openBrackets.isEmpty()) {
      fail("unmatched '" + c + "'", start);
      return false;
    }
    Token open = openBrackets.peek();
    boolean matches =
        (kind == TokenKind.RIGHT_PAREN) == (open.kind() == TokenKind.LEFT_PAREN);
    if (!matches) {
      fail("closing '" + c + "' does not match '" + open.text() + "' at " + open.position(), start);
      return false;
    }
    openBrackets.pop();
    return true;
  }

  private static TokenKind singleCharOperator(char c) {
    return switch (c) {
      case '(' -> TokenKind.LEFT_PAREN;
      case ')' -> TokenKind.RIGHT_PAREN;
      case '[' -> TokenKind.LEFT_BRACKET;
      case ']' -> TokenKind.RIGHT_BRACKET;
      case ',' -> TokenKind.COMMA;
      case '.' -> TokenKind.DOT;
      case ':' -> TokenKind.COLON;
      case ';' -> TokenKind.SEMICOLON;
      case '=' -> TokenKind.ASSIGN;
      case '?' -> TokenKind.QUESTION;
      case '+' -> TokenKind.PLUS;
      case '-' -> TokenKind.MINUS;
      case '*' -> TokenKind.STAR;
      case '%' -> TokenKind.PERCENT;
      case '&' -> TokenKind.AMPERSAND;
      case '|' -> TokenKind.PIPE;
      case '^' -> TokenKind.CARET;
      case '~' -> TokenKind.TILDE;
      case '<' -> TokenKind.LESS;
      case '>' -> TokenKind.GREATER;
      default -> null;
    };
  }

  private void add(TokenKind kind, int start, String stringValue, BigInteger integerValue, boolean terminated) {
    Position position = start >= lineStart ? new Position(line, start - lineStart + 1) : positionOf(start);
    tokens.add(
        new Token(kind, text.substring(start, offset), stringValue, integerValue, start, offset,
            position, terminated));
  }

  /** Strict: throws; lenient: records an ERROR token for the text from {@code start}. */
  private void fail(String message, int start) {
    if (lenient) {
      if (offset <= start) {
        offset = start + 1;
      }
      add(TokenKind.ERROR, start, null, null, true);
      return;
    }
    throw new SyntaxError(message, positionOf(start));
  }
}
