package org.hpq.setalgebra;

import java.util.List;
import java.util.Random;

/**
 * An unsimplified kind expression over residue classifiers, evaluated naively node by node: the
 * oracle for the simplifier. {@link #build()} makes the simplified {@link Kind}.
 */
sealed interface KindExpression {

  /** The kind, built through the public operations (so simplified). */
  Kind build();

  /** Whether {@code node} is in the expression's set, by direct evaluation. */
  boolean holds(int node);

  record Leaf(ResidueClassifier classifier, ResidueClassifier.ResidueSpec spec)
      implements KindExpression {
    public Kind build() {
      return Kind.atom(classifier, spec);
    }

    public boolean holds(int node) {
      return classifier.holds(spec, node);
    }

    @Override
    public String toString() {
      return classifier.render(spec);
    }
  }

  record Constant(boolean all) implements KindExpression {
    public Kind build() {
      return all ? Kind.anything() : Kind.nothing();
    }

    public boolean holds(int node) {
      return all;
    }

    @Override
    public String toString() {
      return all ? "Anything" : "Nothing";
    }
  }

  record Not(KindExpression operand) implements KindExpression {
    public Kind build() {
      return operand.build().not();
    }

    public boolean holds(int node) {
      return !operand.holds(node);
    }

    @Override
    public String toString() {
      return "~" + operand;
    }
  }

  /** A binary operation; {@code operator} is one of {@code & | - ^}. */
  record Binary(char operator, KindExpression left, KindExpression right)
      implements KindExpression {
    public Kind build() {
      Kind first = left.build();
      Kind second = right.build();
      return switch (operator) {
        case '&' -> first.and(second);
        case '|' -> first.or(second);
        case '-' -> first.minus(second);
        default -> first.xor(second);
      };
    }

    public boolean holds(int node) {
      boolean first = left.holds(node);
      boolean second = right.holds(node);
      return switch (operator) {
        case '&' -> first && second;
        case '|' -> first || second;
        case '-' -> first && !second;
        default -> first != second;
      };
    }

    @Override
    public String toString() {
      return "(" + left + " " + operator + " " + right + ")";
    }
  }

  /**
   * A random expression of at most {@code depth} levels. With {@code canonical} specs, distinct
   * literals denote distinct, non-empty, non-universal classes ({@link
   * ResidueClassifier#canonicalSpec}); otherwise any relation and residue, including empty,
   * universal and equivalent classes.
   */
  static KindExpression random(
      Random random, int depth, List<ResidueClassifier> classifiers, boolean canonical) {
    int choice = depth <= 0 ? 0 : random.nextInt(10);
    if (choice <= 3) {
      if (random.nextInt(25) == 0) {
        return new Constant(random.nextBoolean());
      }
      ResidueClassifier classifier = classifiers.get(random.nextInt(classifiers.size()));
      return new Leaf(classifier, randomSpec(random, classifier, canonical));
    }
    if (choice == 4) {
      return new Not(random(random, depth - 1, classifiers, canonical));
    }
    char operator = "&|-^&|".charAt(random.nextInt(6));
    return new Binary(
        operator,
        random(random, depth - 1, classifiers, canonical),
        random(random, depth - 1, classifiers, canonical));
  }

  private static ResidueClassifier.ResidueSpec randomSpec(
      Random random, ResidueClassifier classifier, boolean canonical) {
    if (canonical) {
      return classifier.canonicalSpec(random);
    }
    Relaxation relation = Relaxation.values()[random.nextInt(Relaxation.values().length)];
    return new ResidueClassifier.ResidueSpec(
        relation, random.nextInt(classifier.modulus() + 2) - 1);
  }
}
