package org.hpq.shell.lang.internal;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.OptionalLong;
import java.util.function.Consumer;
import org.hpq.shell.lang.Arguments;
import org.hpq.shell.lang.BinaryOperator;
import org.hpq.shell.lang.CancellationToken;
import org.hpq.shell.lang.ComparisonOperator;
import org.hpq.shell.lang.EvaluationCancelledException;
import org.hpq.shell.lang.EvaluationError;
import org.hpq.shell.lang.ShellValue;
import org.hpq.shell.lang.SliceBounds;
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
import org.hpq.shell.lang.ast.NotExpression;
import org.hpq.shell.lang.ast.Program;
import org.hpq.shell.lang.ast.SliceExpression;
import org.hpq.shell.lang.ast.Statement;
import org.hpq.shell.lang.ast.StringLiteral;
import org.hpq.shell.lang.ast.TupleExpression;
import org.hpq.shell.lang.ast.UnaryExpression;
import org.hpq.shell.lang.value.BoolValue;
import org.hpq.shell.lang.value.HelpText;
import org.hpq.shell.lang.value.IntValue;
import org.hpq.shell.lang.value.ListValue;
import org.hpq.shell.lang.value.NoneValue;
import org.hpq.shell.lang.value.StringValue;
import org.hpq.shell.lang.value.TupleValue;

/**
 * Evaluates programs and expressions against an {@link Environment}. Checks the cancellation
 * token before every node. In completion mode it refuses calls that are not marked pure.
 */
public final class Evaluator {
  /** The name holding the value of the last expression statement. */
  public static final String LAST_VALUE = "_";

  private final Environment environment;
  private final CancellationToken token;
  private final boolean completionMode;

  /** An evaluator of statements, cancelled by {@code token}. */
  public Evaluator(Environment environment, CancellationToken token, boolean completionMode) {
    this.environment = environment;
    this.token = token;
    this.completionMode = completionMode;
  }

  /**
   * Runs the statements in order, passing each value to print to {@code output}; stops at the
   * first failure, whose statement changes no variable.
   */
  public void execute(Program program, Consumer<ShellValue> output) {
    CancellationToken.Scope scope = token.bind();
    try {
      for (Statement statement : program.statements()) {
        execute(statement, output);
      }
    } finally {
      scope.close();
    }
  }

  private void execute(Statement statement, Consumer<ShellValue> output) {
    if (statement instanceof AssignmentStatement assignment) {
      ShellValue value = evaluate(assignment.value());
      environment.bind(assignment.name(), value, token);
    } else if (statement instanceof HelpStatement help) {
      ShellValue target = evaluate(help.target());
      output.accept(new HelpText(guard(help.target(), target::help)));
    } else {
      ShellValue value = evaluate(((ExpressionStatement) statement).expression());
      if (!(value instanceof NoneValue)) {
        environment.bind(LAST_VALUE, value, token);
        output.accept(value);
      }
    }
  }

  /** Evaluates one expression, binding the token to this thread. */
  public ShellValue evaluateBound(Expression expression) {
    CancellationToken.Scope scope = token.bind();
    try {
      return evaluate(expression);
    } finally {
      scope.close();
    }
  }

  private ShellValue evaluate(Expression expression) {
    token.throwIfCancelled();
    return guard(expression, () -> dispatch(expression));
  }

  /** Runs host code for {@code node}, giving errors its position and mapping interrupts. */
  private <R> R guard(Expression node, java.util.function.Supplier<R> action) {
    try {
      return action.get();
    } catch (EvaluationError error) {
      throw error.at(node.position());
    } catch (EvaluationCancelledException cancelled) {
      throw cancelled;
    } catch (RuntimeException hostFailure) {
      if (token.isCancelled()) {
        throw new EvaluationCancelledException(hostFailure);
      }
      throw new EvaluationError(
          "internal error: " + hostFailure.getClass().getSimpleName()
              + (hostFailure.getMessage() == null ? "" : ": " + hostFailure.getMessage()),
          node.position(), hostFailure);
    }
  }

  private ShellValue dispatch(Expression expression) {
    if (expression instanceof NameExpression name) {
      return lookup(name.name());
    } else if (expression instanceof IntegerLiteral integer) {
      return IntValue.of(integer.value());
    } else if (expression instanceof StringLiteral string) {
      return StringValue.of(string.value());
    } else if (expression instanceof BooleanLiteral bool) {
      return BoolValue.of(bool.value());
    } else if (expression instanceof ListExpression list) {
      return ListValue.of(evaluateAll(list.elements()));
    } else if (expression instanceof TupleExpression tuple) {
      return TupleValue.of(evaluateAll(tuple.elements()));
    } else if (expression instanceof AttributeExpression attribute) {
      return attribute(evaluate(attribute.target()), attribute.name());
    } else if (expression instanceof CallExpression call) {
      return call(call);
    } else if (expression instanceof IndexExpression index) {
      ShellValue target = evaluate(index.target());
      return target.index(evaluate(index.index()));
    } else if (expression instanceof SliceExpression slice) {
      ShellValue target = evaluate(slice.target());
      SliceBounds bounds =
          new SliceBounds(bound(slice.start()), bound(slice.stop()), bound(slice.step()));
      return target.slice(bounds);
    } else if (expression instanceof UnaryExpression unary) {
      ShellValue operand = evaluate(unary.operand());
      return operand.unary(unary.operator()).orElseThrow(() -> new EvaluationError(
          "bad operand type for unary " + unary.operator().symbol() + ": '" + operand.type().name() + "'"));
    } else if (expression instanceof NotExpression not) {
      return BoolValue.of(!evaluate(not.operand()).truth());
    } else if (expression instanceof BinaryExpression binary) {
      return binary(binary);
    } else if (expression instanceof LogicalExpression logical) {
      ShellValue left = evaluate(logical.left());
      boolean shortCircuit = logical.operator() == LogicalOperator.AND ? !left.truth() : left.truth();
      return shortCircuit ? left : evaluate(logical.right());
    } else if (expression instanceof ComparisonExpression comparison) {
      return comparison(comparison);
    }
    // The only case left of the sealed interface is NoneLiteral.
    return NoneValue.NONE;
  }

  private ShellValue lookup(String name) {
    return environment.lookup(name).orElseThrow(() -> new EvaluationError(
        LAST_VALUE.equals(name)
            ? "name '_' is not defined yet: it holds the value of the last expression"
            : "name '" + name + "' is not defined" + Suggestions.didYouMean(name, environment.names())));
  }

  private static ShellValue attribute(ShellValue target, String name) {
    Optional<ShellValue> value = target.attribute(name);
    if (value.isPresent()) {
      return value.get();
    }
    throw new EvaluationError("'" + target.type().name() + "' object has no attribute '" + name + "'"
        + Suggestions.didYouMean(name, target.attributeNames()));
  }

  private ShellValue call(CallExpression call) {
    ShellValue callee = evaluate(call.callee());
    List<ShellValue> positional = evaluateAll(call.positional());
    Map<String, ShellValue> keywords = new LinkedHashMap<>();
    for (KeywordArgument keyword : call.keywords()) {
      keywords.put(keyword.name(), evaluate(keyword.value()));
    }
    if (completionMode && !callee.isPureCall()) {
      throw new EvaluationError("completion does not call functions with side effects");
    }
    token.throwIfCancelled();
    return callee.call(new Arguments(positional, keywords));
  }

  private OptionalLong bound(Optional<Expression> bound) {
    if (bound.isEmpty()) {
      return OptionalLong.empty();
    }
    ShellValue value = evaluate(bound.get());
    if (value instanceof NoneValue) {
      return OptionalLong.empty();
    }
    if (value instanceof IntValue integer) {
      return OptionalLong.of(integer.value());
    }
    throw new EvaluationError("slice indices must be integers or None, not '" + value.type().name() + "'")
        .at(bound.get().position());
  }

  private ShellValue binary(BinaryExpression binary) {
    ShellValue left = evaluate(binary.left());
    ShellValue right = evaluate(binary.right());
    BinaryOperator operator = binary.operator();
    return left.binary(operator, right)
        .or(() -> right.binaryReflected(operator, left))
        .orElseThrow(() -> new EvaluationError("unsupported operand type(s) for " + operator.symbol()
            + ": '" + left.type().name() + "' and '" + right.type().name() + "'"));
  }

  private ShellValue comparison(ComparisonExpression comparison) {
    ShellValue left = evaluate(comparison.first());
    ShellValue result = BoolValue.TRUE;
    for (ComparisonStep step : comparison.steps()) {
      ShellValue right = evaluate(step.right());
      ShellValue leftOperand = left;
      result = guardStep(step, () -> compare(step.operator(), leftOperand, right));
      if (!result.truth()) {
        return result;
      }
      left = right;
    }
    return result;
  }

  private ShellValue guardStep(ComparisonStep step, java.util.function.Supplier<ShellValue> action) {
    try {
      return action.get();
    } catch (EvaluationError error) {
      throw error.at(step.position());
    }
  }

  private static ShellValue compare(ComparisonOperator operator, ShellValue left, ShellValue right) {
    if (operator == ComparisonOperator.IN || operator == ComparisonOperator.NOT_IN) {
      boolean contained = right.contains(left).orElseThrow(() -> new EvaluationError(
          "argument of type '" + right.type().name() + "' does not support 'in'"));
      return BoolValue.of(contained == (operator == ComparisonOperator.IN));
    }
    Optional<ShellValue> result = left.compare(operator, right).or(() -> right.compare(operator.swapped(), left));
    if (result.isPresent()) {
      return result.get();
    }
    if (operator == ComparisonOperator.EQUAL || operator == ComparisonOperator.NOT_EQUAL) {
      return BoolValue.of(left.equals(right) == (operator == ComparisonOperator.EQUAL));
    }
    throw new EvaluationError("'" + operator.symbol() + "' not supported between instances of '"
        + left.type().name() + "' and '" + right.type().name() + "'");
  }

  private List<ShellValue> evaluateAll(List<Expression> expressions) {
    List<ShellValue> values = new ArrayList<>(expressions.size());
    for (Expression expression : expressions) {
      values.add(evaluate(expression));
    }
    return values;
  }
}
