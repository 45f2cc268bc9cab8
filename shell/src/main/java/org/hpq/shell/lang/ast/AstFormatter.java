package org.hpq.shell.lang.ast;

import java.util.Optional;
import java.util.StringJoiner;
import org.hpq.shell.lang.value.StringValue;

/**
 * Prints an expression back as source with every operator application in parentheses, e.g.
 * {@code ((a & b) | (~c))}: the form parser tests compare against.
 */
public final class AstFormatter {
  private AstFormatter() {}

  /** Formats a statement. */
  public static String format(Statement statement) {
    if (statement instanceof ExpressionStatement expression) {
      return format(expression.expression());
    }
    if (statement instanceof AssignmentStatement assignment) {
      return assignment.name() + " = " + format(assignment.value());
    }
    HelpStatement help = (HelpStatement) statement;
    return format(help.target()) + "?";
  }

  /** Formats an expression, fully parenthesized. */
  public static String format(Expression expression) {
    if (expression instanceof NameExpression name) {
      return name.name();
    } else if (expression instanceof IntegerLiteral integer) {
      return Long.toString(integer.value());
    } else if (expression instanceof StringLiteral string) {
      return StringValue.quote(string.value());
    } else if (expression instanceof BooleanLiteral bool) {
      return bool.value() ? "True" : "False";
    } else if (expression instanceof NoneLiteral) {
      return "None";
    } else if (expression instanceof ListExpression list) {
      return "[" + join(list.elements()) + "]";
    } else if (expression instanceof TupleExpression tuple) {
      return "(" + join(tuple.elements()) + (tuple.elements().size() == 1 ? ",)" : ")");
    } else if (expression instanceof AttributeExpression attribute) {
      return format(attribute.target()) + "." + attribute.name();
    } else if (expression instanceof CallExpression call) {
      StringJoiner arguments = new StringJoiner(", ", format(call.callee()) + "(", ")");
      call.positional().forEach(argument -> arguments.add(format(argument)));
      call.keywords().forEach(keyword -> arguments.add(keyword.name() + "=" + format(keyword.value())));
      return arguments.toString();
    } else if (expression instanceof IndexExpression index) {
      return format(index.target()) + "[" + format(index.index()) + "]";
    } else if (expression instanceof SliceExpression slice) {
      return format(slice.target()) + "[" + bound(slice.start()) + ":" + bound(slice.stop())
          + slice.step().map(step -> ":" + format(step)).orElse("") + "]";
    } else if (expression instanceof UnaryExpression unary) {
      return "(" + unary.operator().symbol() + format(unary.operand()) + ")";
    } else if (expression instanceof NotExpression not) {
      return "(not " + format(not.operand()) + ")";
    } else if (expression instanceof BinaryExpression binary) {
      return "(" + format(binary.left()) + " " + binary.operator().symbol() + " " + format(binary.right()) + ")";
    } else if (expression instanceof LogicalExpression logical) {
      return "(" + format(logical.left()) + " " + logical.operator().symbol() + " " + format(logical.right()) + ")";
    } else {
      ComparisonExpression comparison = (ComparisonExpression) expression;
      StringBuilder text = new StringBuilder("(").append(format(comparison.first()));
      for (ComparisonStep step : comparison.steps()) {
        text.append(' ').append(step.operator().symbol()).append(' ').append(format(step.right()));
      }
      return text.append(')').toString();
    }
  }

  private static String bound(Optional<Expression> bound) {
    return bound.map(AstFormatter::format).orElse("");
  }

  private static String join(java.util.List<Expression> expressions) {
    StringJoiner joiner = new StringJoiner(", ");
    expressions.forEach(expression -> joiner.add(format(expression)));
    return joiner.toString();
  }
}
