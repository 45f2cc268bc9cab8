package org.hpq.shell.lang.internal;

import java.math.BigInteger;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import org.hpq.shell.lang.BinaryOperator;
import org.hpq.shell.lang.ComparisonOperator;
import org.hpq.shell.lang.IncompleteInputError;
import org.hpq.shell.lang.Position;
import org.hpq.shell.lang.Source;
import org.hpq.shell.lang.SyntaxError;
import org.hpq.shell.lang.UnaryOperator;
import org.hpq.shell.lang.ast.AssignmentStatement;
import org.hpq.shell.lang.ast.AttributeExpression;
import org.hpq.shell.lang.ast.BinaryExpression;
import org.hpq.shell.lang.ast.BooleanLiteral;
import org.hpq.shell.lang.ast.CallExpression;
import org.hpq.shell.lang.ast.ComparisonExpression;
import org.hpq.shell.lang.ast.ComparisonStep;
import org.hpq.shell.lang.ast.Expression;
import org.hpq.shell.lang.ast.ExpressionStatement;
import org.hpq.shell.lang.ast.HelpStatement;
import org.hpq.shell.lang.ast.IndexExpression;
import org.hpq.shell.lang.ast.IntegerLiteral;
import org.hpq.shell.lang.ast.KeywordArgument;
import org.hpq.shell.lang.ast.ListExpression;
import org.hpq.shell.lang.ast.LogicalExpression;
import org.hpq.shell.lang.ast.LogicalOperator;
import org.hpq.shell.lang.ast.NameExpression;
import org.hpq.shell.lang.ast.NoneLiteral;
import org.hpq.shell.lang.ast.NotExpression;
import org.hpq.shell.lang.ast.Program;
import org.hpq.shell.lang.ast.SliceExpression;
import org.hpq.shell.lang.ast.Statement;
import org.hpq.shell.lang.ast.StringLiteral;
import org.hpq.shell.lang.ast.TupleExpression;
import org.hpq.shell.lang.ast.UnaryExpression;

/**
 * Recursive-descent parser; the grammar is in {@code docs/language.md}. An error at the end of
 * input is an {@link IncompleteInputError}, since more text could fix it.
 */
public final class Parser {
  private static final BigInteger LONG_MAX = BigInteger.valueOf(Long.MAX_VALUE);
  private static final BigInteger MINUS_LONG_MIN = LONG_MAX.add(BigInteger.ONE);

  private final Lexer lexer;
  private final List<Token> tokens;
  private int index;

  private Parser(Lexer lexer) {
    this.lexer = lexer;
    this.tokens = lexer.tokens();
  }

  /**
   * Parses a whole source.
   *
   * @throws SyntaxError for invalid input; {@link IncompleteInputError} when more input could
   *     make it valid
   */
  public static Program parse(Source source) {
    Parser parser = new Parser(Lexer.tokenize(source.text()));
    return new Program(source, parser.program());
  }

  /**
   * Parses text that must be one expression (used by completion).
   *
   * @throws SyntaxError when it is not exactly one expression
   */
  public static Expression parseExpression(String text) {
    Parser parser = new Parser(Lexer.tokenize(text));
    Expression expression = parser.expression();
    parser.expect(TokenKind.END, "end of expression");
    return expression;
  }

  private List<Statement> program() {
    List<Statement> statements = new ArrayList<>();
    while (true) {
      while (at(TokenKind.NEWLINE) || at(TokenKind.SEMICOLON)) {
        index++;
      }
      if (at(TokenKind.END)) {
        return statements;
      }
      statements.add(statement());
      if (!at(TokenKind.NEWLINE) && !at(TokenKind.SEMICOLON) && !at(TokenKind.END)) {
        throw error("expected end of statement, found " + current().describe());
      }
    }
  }

  private Statement statement() {
    if (at(TokenKind.NAME) && peek(1).kind() == TokenKind.ASSIGN) {
      Token name = advance();
      advance();
      return new AssignmentStatement(name.position(), name.text(), expression());
    }
    Expression expression = expression();
    if (at(TokenKind.ASSIGN)) {
      throw error("cannot assign to this expression; only a name can be assigned ('t = _')");
    }
    if (at(TokenKind.QUESTION)) {
      advance();
      return new HelpStatement(expression.position(), expression);
    }
    return new ExpressionStatement(expression.position(), expression);
  }

  Expression expression() {
    Expression left = and();
    while (at(TokenKind.OR)) {
      Token operator = advance();
      left = new LogicalExpression(operator.position(), LogicalOperator.OR, left, and());
    }
    return left;
  }

  private Expression and() {
    Expression left = not();
    while (at(TokenKind.AND)) {
      Token operator = advance();
      left = new LogicalExpression(operator.position(), LogicalOperator.AND, left, not());
    }
    return left;
  }

  private Expression not() {
    if (at(TokenKind.NOT)) {
      Token operator = advance();
      return new NotExpression(operator.position(), not());
    }
    return comparison();
  }

  private Expression comparison() {
    Expression first = bitOr();
    List<ComparisonStep> steps = new ArrayList<>();
    while (true) {
      Token operator = current();
      ComparisonOperator comparison = comparisonOperator();
      if (comparison == null) {
        break;
      }
      steps.add(new ComparisonStep(operator.position(), comparison, bitOr()));
    }
    return steps.isEmpty() ? first : new ComparisonExpression(first.position(), first, steps);
  }

  /** Consumes and returns a comparison operator, or null when none is next. */
  private ComparisonOperator comparisonOperator() {
    ComparisonOperator operator =
        switch (current().kind()) {
          case LESS -> ComparisonOperator.LESS;
          case LESS_EQUAL -> ComparisonOperator.LESS_OR_EQUAL;
          case EQUAL_EQUAL -> ComparisonOperator.EQUAL;
          case NOT_EQUAL -> ComparisonOperator.NOT_EQUAL;
          case GREATER_EQUAL -> ComparisonOperator.GREATER_OR_EQUAL;
          case GREATER -> ComparisonOperator.GREATER;
          case IN -> ComparisonOperator.IN;
          case NOT -> peek(1).kind() == TokenKind.IN ? ComparisonOperator.NOT_IN : null;
          default -> null;
        };
    if (operator != null) {
      index += operator == ComparisonOperator.NOT_IN ? 2 : 1;
    }
    return operator;
  }

  private Expression bitOr() {
    Expression left = bitXor();
    while (at(TokenKind.PIPE)) {
      Token operator = advance();
      left = new BinaryExpression(operator.position(), BinaryOperator.OR, left, bitXor());
    }
    return left;
  }

  private Expression bitXor() {
    Expression left = bitAnd();
    while (at(TokenKind.CARET)) {
      Token operator = advance();
      left = new BinaryExpression(operator.position(), BinaryOperator.XOR, left, bitAnd());
    }
    return left;
  }

  private Expression bitAnd() {
    Expression left = arithmetic();
    while (at(TokenKind.AMPERSAND)) {
      Token operator = advance();
      left = new BinaryExpression(operator.position(), BinaryOperator.AND, left, arithmetic());
    }
    return left;
  }

  private Expression arithmetic() {
    Expression left = term();
    while (at(TokenKind.PLUS) || at(TokenKind.MINUS)) {
      Token operator = advance();
      BinaryOperator binary = operator.kind() == TokenKind.PLUS ? BinaryOperator.ADD : BinaryOperator.SUBTRACT;
      left = new BinaryExpression(operator.position(), binary, left, term());
    }
    return left;
  }

  private Expression term() {
    Expression left = factor();
    while (at(TokenKind.STAR) || at(TokenKind.DOUBLE_SLASH) || at(TokenKind.PERCENT)) {
      Token operator = advance();
      BinaryOperator binary =
          switch (operator.kind()) {
            case STAR -> BinaryOperator.MULTIPLY;
            case DOUBLE_SLASH -> BinaryOperator.FLOOR_DIVIDE;
            default -> BinaryOperator.MODULO;
          };
      left = new BinaryExpression(operator.position(), binary, left, factor());
    }
    return left;
  }

  private Expression factor() {
    UnaryOperator operator =
        switch (current().kind()) {
          case MINUS -> UnaryOperator.NEGATE;
          case PLUS -> UnaryOperator.PLUS;
          case TILDE -> UnaryOperator.INVERT;
          default -> null;
        };
    if (operator == null) {
      return postfix();
    }
    Token token = advance();
    // -9223372036854775808 is a valid literal although its digits alone overflow.
    if (operator == UnaryOperator.NEGATE
        && at(TokenKind.INTEGER)
        && current().integerValue().equals(MINUS_LONG_MIN)
        && !isPostfixNext(1)) {
      advance();
      return new IntegerLiteral(token.position(), Long.MIN_VALUE);
    }
    return new UnaryExpression(token.position(), operator, factor());
  }

  private boolean isPostfixNext(int offset) {
    TokenKind kind = peek(offset).kind();
    return kind == TokenKind.DOT || kind == TokenKind.LEFT_PAREN || kind == TokenKind.LEFT_BRACKET;
  }

  private Expression postfix() {
    Expression expression = atom();
    while (true) {
      if (at(TokenKind.DOT)) {
        advance();
        Token name = expect(TokenKind.NAME, "an attribute name after '.'");
        expression = new AttributeExpression(name.position(), expression, name.text());
      } else if (at(TokenKind.LEFT_PAREN)) {
        expression = call(expression);
      } else if (at(TokenKind.LEFT_BRACKET)) {
        expression = subscript(expression);
      } else {
        return expression;
      }
    }
  }

  private Expression call(Expression callee) {
    Token open = advance();
    List<Expression> positional = new ArrayList<>();
    List<KeywordArgument> keywords = new ArrayList<>();
    Set<String> keywordNames = new HashSet<>();
    while (!at(TokenKind.RIGHT_PAREN)) {
      if (at(TokenKind.NAME) && peek(1).kind() == TokenKind.ASSIGN) {
        Token name = advance();
        advance();
        if (!keywordNames.add(name.text())) {
          throw new SyntaxError("keyword argument repeated: " + name.text(), name.position());
        }
        keywords.add(new KeywordArgument(name.position(), name.text(), expression()));
      } else {
        Expression argument = expression();
        if (!keywords.isEmpty()) {
          throw new SyntaxError("positional argument follows keyword argument", argument.position());
        }
        positional.add(argument);
      }
      if (!at(TokenKind.RIGHT_PAREN)) {
        expect(TokenKind.COMMA, "',' or ')'");
      }
    }
    advance();
    return new CallExpression(open.position(), callee, positional, keywords);
  }

  private Expression subscript(Expression target) {
    Token open = advance();
    Optional<Expression> start = at(TokenKind.COLON) ? Optional.empty() : Optional.of(expression());
    if (at(TokenKind.RIGHT_BRACKET) && start.isPresent()) {
      advance();
      return new IndexExpression(open.position(), target, start.get());
    }
    expect(TokenKind.COLON, "':' or ']'");
    Optional<Expression> stop = sliceBound();
    Optional<Expression> step = Optional.empty();
    if (at(TokenKind.COLON)) {
      advance();
      step = sliceBound();
    }
    expect(TokenKind.RIGHT_BRACKET, "']'");
    return new SliceExpression(open.position(), target, start, stop, step);
  }

  private Optional<Expression> sliceBound() {
    return at(TokenKind.COLON) || at(TokenKind.RIGHT_BRACKET) ? Optional.empty() : Optional.of(expression());
  }

  private Expression atom() {
    Token token = current();
    switch (token.kind()) {
      case NAME -> {
        advance();
        return new NameExpression(token.position(), token.text());
      }
      case INTEGER -> {
        advance();
        if (token.integerValue().compareTo(LONG_MAX) > 0) {
          throw new SyntaxError("integer literal too large for 64 bits: " + token.text(), token.position());
        }
        return new IntegerLiteral(token.position(), token.integerValue().longValue());
      }
      case STRING -> {
        advance();
        return new StringLiteral(token.position(), token.stringValue());
      }
      case TRUE, FALSE -> {
        advance();
        return new BooleanLiteral(token.position(), token.kind() == TokenKind.TRUE);
      }
      case NONE -> {
        advance();
        return new NoneLiteral(token.position());
      }
      case LEFT_PAREN -> {
        return parenthesized();
      }
      case LEFT_BRACKET -> {
        advance();
        return new ListExpression(token.position(), elements(TokenKind.RIGHT_BRACKET, "']'"));
      }
      default -> throw error("expected an expression, found " + token.describe());
    }
  }

  private Expression parenthesized() {
    Token open = advance();
    if (at(TokenKind.RIGHT_PAREN)) {
      advance();
      return new TupleExpression(open.position(), List.of());
    }
    Expression first = expression();
    if (at(TokenKind.RIGHT_PAREN)) {
      advance();
      return first;
    }
    expect(TokenKind.COMMA, "',' or ')'");
    List<Expression> elements = new ArrayList<>();
    elements.add(first);
    elements.addAll(elements(TokenKind.RIGHT_PAREN, "')'"));
    return new TupleExpression(open.position(), elements);
  }

  /** Parses {@code a, b, c,} up to and including {@code close}. */
  private List<Expression> elements(TokenKind close, String closeText) {
    List<Expression> elements = new ArrayList<>();
    while (!at(close)) {
      elements.add(expression());
      if (!at(close)) {
        expect(TokenKind.COMMA, "',' or " + closeText);
      }
    }
    advance();
    return elements;
  }

  private Token expect(TokenKind kind, String what) {
    if (!at(kind)) {
      throw error("expected " + what + ", found " + current().describe());
    }
    return advance();
  }

  /** An error at the current token; incomplete when it is the end of input. */
  private SyntaxError error(String message) {
    Token token = current();
    if (token.kind() != TokenKind.END) {
      return new SyntaxError(message, token.position());
    }
    Position end = token.position();
    List<Token> open = lexer.openBrackets();
    String detail =
        open.isEmpty()
            ? message
            : "'" + open.get(0).text() + "' at " + open.get(0).position() + " is not closed";
    return new IncompleteInputError(detail, end.line(), end.column());
  }

  private boolean at(TokenKind kind) {
    return current().kind() == kind;
  }

  private Token current() {
    return tokens.get(index);
  }

  private Token peek(int offset) {
    return tokens.get(Math.min(index + offset, tokens.size() - 1));
  }

  private Token advance() {
    Token token = tokens.get(index);
    if (token.kind() != TokenKind.END) {
      index++;
    }
    return token;
  }
}
