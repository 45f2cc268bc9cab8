package org.hpq.setalgebra;

import java.util.Collection;
import java.util.List;
import org.hpq.setalgebra.internal.KindAlgebra;
import org.hpq.setalgebra.internal.KindEvaluator;
import org.hpq.setalgebra.internal.SymbolicSubset;

/**
 * A kind: a symbolic set of nodes, such as {@code hp.Type('java.lang.String') & ~hp.Size(24)}.
 *
 * <p>A kind is an immutable, thread-safe value. The operations {@link #and}, {@link #or}, {@link
 * #not}, {@link #minus} and {@link #xor} return simplified kinds in a normal form: complements
 * pushed down to atoms (De Morgan), unions and intersections flattened, operands deduplicated and
 * sorted in a canonical order, {@code a & Anything == a}, {@code a | Nothing == a}, {@code a & ~a
 * == Nothing}, {@code a | ~a == Anything}, absorption ({@code a | (a & b) == a}), and atoms the
 * {@link Classifier} proves disjoint or included simplified away. So kinds built from the same
 * operands by commuted, regrouped or doubly negated operations are {@link Object#equals equal}.
 * Simplification never changes which nodes a kind holds, provided the classifiers' {@code
 * disjoint}, {@code includes} and {@code covers} answers are true.
 *
 * <p>The records {@link Union}, {@link Intersection} and {@link Complement} check only their
 * structural invariants; build kinds through the operations here to get simplified ones.
 *
 * <pre>{@code
 * Kind strings = Kind.atom(types, new TypeSpec("java.lang.String"));
 * Kind notSmall = Kind.atom(sizes, new SizeSpec(24)).not();
 * NodeSet found = strings.and(notSmall).filter(heap);   // evaluates atoms via the classifiers
 * }</pre>
 */
public sealed interface Kind permits Anything, Nothing, Atom, Complement, Intersection, Union {

  /** The kind of every node ({@code hp.Anything}). */
  static Kind anything() {
    return Anything.INSTANCE;
  }

  /** The kind of no node ({@code hp.Nothing}). */
  static Kind nothing() {
    return Nothing.INSTANCE;
  }

  /** The class {@code spec} of the relation {@code classifier}. */
  static Atom atom(Classifier classifier, AtomSpec spec) {
    return new Atom(classifier, spec);
  }

  /** The simplified union of {@code kinds}; {@link #nothing()} when empty. */
  static Kind union(Collection<? extends Kind> kinds) {
    return KindAlgebra.union(kinds);
  }

  /** The simplified intersection of {@code kinds}; {@link #anything()} when empty. */
  static Kind intersection(Collection<? extends Kind> kinds) {
    return KindAlgebra.intersection(kinds);
  }

  /** {@code this & other}, simplified. */
  default Kind and(Kind other) {
    return KindAlgebra.intersection(List.of(this, other));
  }

  /** {@code this | other}, simplified. */
  default Kind or(Kind other) {
    return KindAlgebra.union(List.of(this, other));
  }

  /** {@code ~this}: the complement, with De Morgan applied down to the atoms. */
  default Kind not() {
    return KindAlgebra.negate(this);
  }

  /** {@code this - other}, that is {@code this & ~other}, simplified. */
  default Kind minus(Kind other) {
    return and(other.not());
  }

  /** {@code this ^ other}, that is {@code (this - other) | (other - this)}, simplified. */
  default Kind xor(Kind other) {
    return minus(other).or(other.minus(this));
  }

  /**
   * The members of {@code within} that are of this kind; complements are taken relative to
   * {@code within}. Atoms are evaluated by their classifiers. {@code within} is not modified.
   */
  default NodeSet filter(NodeSet within) {
    return KindEvaluator.filter(this, within);
  }

  /** Whether {@code node} is of this kind; atoms are asked through their classifiers. */
  default boolean contains(int node) {
    return KindEvaluator.contains(this, node);
  }

  /**
   * Whether every node of this kind is of kind {@code other}, decided symbolically:
   * {@link Decision#TRUE} when provable from the structure and the classifiers' answers,
   * {@link Decision#FALSE} when provably not (only {@code Anything <= Nothing}, for a non-empty
   * universe), {@link Decision#UNKNOWN} otherwise (an atom may be empty, so little is provably
   * false). Use {@link #filter} on a concrete set to decide for that set.
   */
  default Decision isSubsetOf(Kind other) {
    return SymbolicSubset.decide(this, other);
  }
}
