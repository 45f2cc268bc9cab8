package org.hpq.shell.lang.internal;

/** The kinds of tokens. */
public enum TokenKind {
  NAME,
  INTEGER,
  STRING,
  TRUE("True"),
  FALSE("False"),
  NONE("None"),
  AND("and"),
  OR("or"),
  NOT("not"),
  IN("in"),
  LEFT_PAREN("("),
  RIGHT_PAREN(")"),
  LEFT_BRACKET("["),
  RIGHT_BRACKET("]"),
  COMMA(","),
  DOT("."),
  COLON(":"),
  SEMICOLON(";"),
  ASSIGN("="),
  QUESTION("?"),
  PLUS("+"),
  MINUS("-"),
  STAR("*"),
  DOUBLE_SLASH("//"),
  PERCENT("%"),
  AMPERSAND("&"),
  PIPE("|"),
  CARET("^"),
  TILDE("~"),
  LESS("<"),
  LESS_EQUAL("<="),
  EQUAL_EQUAL("=="),
  NOT_EQUAL("!="),
  GREATER_EQUAL(">="),
  GREATER(">"),
  /** A comment, only produced in lenient mode (for highlighting). */
  COMMENT,
  /** Text that is not a token, only produced in lenient mode. */
  ERROR,
  NEWLINE,
  END;

  private final String symbol;

  TokenKind() {
    this(null);
  }

  TokenKind(String symbol) {
    this.symbol = symbol;
  }

  /** The fixed text of keywords and operators, else null. */
  public String symbol() {
    return symbol;
  }

  /** Whether this is a keyword such as {@code and} or {@code True}. */
  public boolean isKeyword() {
    return symbol != null && Character.isLetter(symbol.charAt(0));
  }

  /** Whether a line ending after this token continues on the next line (an operand is due). */
  public boolean needsRightOperand() {
    return switch (this) {
      case AND, OR, NOT, IN, DOT, ASSIGN, PLUS, MINUS, STAR, DOUBLE_SLASH, PERCENT, AMPERSAND,
          PIPE, CARET, TILDE, LESS, LESS_EQUAL, EQUAL_EQUAL, NOT_EQUAL, GREATER_EQUAL, GREATER -> true;
      default -> false;
    };
  }
}
