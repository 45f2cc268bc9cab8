package org.hpq.shell.heap;

import java.util.Optional;
import org.hpq.equivalence.Heap;
import org.hpq.setalgebra.Atom;
import org.hpq.setalgebra.Decision;
import org.hpq.setalgebra.Kind;
import org.hpq.setalgebra.Relaxation;
import org.hpq.shell.lang.BinaryOperator;
import org.hpq.shell.lang.ComparisonOperator;
import org.hpq.shell.lang.EvaluationError;
import org.hpq.shell.lang.Method;
import org.hpq.shell.lang.ShellType;
import org.hpq.shell.lang.ShellValue;
import org.hpq.shell.lang.UnaryOperator;
import org.hpq.shell.lang.value.BoolValue;

/** A kind (symbolic set) in the shell: {@code hp.Type('java.lang.String') & ~hp.Size(24)}. */
public record KindValue(Heap heap, Kind kind) implements ShellValue {
  static final ShellType<KindValue> TYPE =
      ShellType.builder("Kind", KindValue.class)
          .summary("a symbolic set of objects: a class of a relation, or &, |, ~ of kinds")
          .details(
              "Kinds combine with & | ^ - ~ and stay symbolic; 'kind & set' (or 'set & kind') keeps the\n"
                  + "members of the set that are of the kind. kind.alt(op) relaxes a class: for Type '<' is the\n"
                  + "strict subclasses and '<=' the class and its subclasses ('>' superclasses); for Size\n"
                  + "smaller / larger; for Rcs and Via a subset / superset of the labels.")
          .method(
              Method.<KindValue>of("alt", "alt(op)", "relax the class by op: '<', '<=', '>=' or '>'",
                      (self, arguments) -> self.alt(arguments.expect("alt", 1, 1).getString(0)))
                  .asPure())
          .property("set", "the objects of hp.heap() of this kind",
              self -> SetValue.of(self.heap, self.kind.filter(self.heap.heap())))
          .build();

  @Override
  public ShellType<KindValue> type() {
    return TYPE;
  }

  KindValue alt(String symbol) {
    if (!(kind instanceof Atom atom)) {
      throw new EvaluationError("alt applies to a single class such as hp.Type(...), not to " + kind);
    }
    try {
      return new KindValue(heap, atom.alt(Relaxation.fromSymbol(symbol)));
    } catch (IllegalArgumentException | UnsupportedOperationException e) {
      throw new EvaluationError(e.getMessage());
    }
  }

  @Override
  public Optional<ShellValue> binary(BinaryOperator operator, ShellValue right) {
    if (right instanceof KindValue other) {
      return Optional.of(new KindValue(heap, combine(operator, kind, other.kind)));
    }
    if (right instanceof SetValue set && operator == BinaryOperator.AND) {
      return Optional.of(new SetValue(set.set().and(kind)));
    }
    return Optional.empty();
  }

  static Kind combine(BinaryOperator operator, Kind left, Kind right) {
    return switch (operator) {
      case AND -> left.and(right);
      case OR -> left.or(right);
      case SUBTRACT -> left.minus(right);
      case XOR -> left.xor(right);
      default -> throw new EvaluationError("unsupported operand for kinds: " + operator);
    };
  }

  @Override
  public Optional<ShellValue> unary(UnaryOperator operator) {
    return operator == UnaryOperator.INVERT ? Optional.of(new KindValue(heap, kind.not())) : Optional.empty();
  }

  @Override
  public Optional<ShellValue> compare(ComparisonOperator operator, ShellValue right) {
    if (!(right instanceof KindValue other)) {
      return Optional.empty();
    }
    Decision result =
        switch (operator) {
          case LESS_OR_EQUAL -> kind.isSubsetOf(other.kind);
          case GREATER_OR_EQUAL -> other.kind.isSubsetOf(kind);
          case LESS -> strictSubset(kind, other.kind);
          case GREATER -> strictSubset(other.kind, kind);
          case EQUAL -> Decision.of(kind.equals(other.kind));
          case NOT_EQUAL -> Decision.of(!kind.equals(other.kind));
          default -> Decision.UNKNOWN;
        };
    if (result == Decision.UNKNOWN) {
      throw new EvaluationError("cannot decide '" + kind + " " + operator.symbol() + " " + other.kind
          + "' symbolically; compare the sets, e.g. (k & hp.heap())");
    }
    return Optional.of(BoolValue.of(result.isTrue()));
  }

  /** {@code a < b}: a subset of b that b is not a subset of. */
  private static Decision strictSubset(Kind a, Kind b) {
    Decision forward = a.isSubsetOf(b);
    if (forward.isFalse()) {
      return Decision.FALSE;
    }
    Decision backward = b.isSubsetOf(a);
    if (forward.isTrue() && backward.isFalse()) {
      return Decision.TRUE;
    }
    return forward.isTrue() && backward.isTrue() ? Decision.FALSE : Decision.UNKNOWN;
  }

  /**
   * {@code x in kind} for one object: an object ({@code s.theone}) or a set of exactly one.
   *
   * @throws EvaluationError for a set of another size, saying how to test a whole set
   */
  @Override
  public Optional<Boolean> contains(ShellValue element) {
    if (element instanceof ObjectValue object) {
      return Optional.of(kind.contains(object.node()));
    }
    if (element instanceof SetValue set) {
      long count = set.set().count();
      if (count != 1) {
        throw new EvaluationError("'in' a kind tests one object, and this set has " + count
            + "; to test every member write (s & kind) == s");
      }
      return Optional.of(kind.contains(set.set().theOne()));
    }
    return Optional.empty();
  }

  @Override
  public String repr() {
    return kind.toString();
  }
}
