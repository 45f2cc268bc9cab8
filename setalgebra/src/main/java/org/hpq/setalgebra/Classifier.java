package org.hpq.setalgebra;

/**
 * An equivalence relation over the nodes of one heap, seen from the set algebra: it selects the
 * nodes of a class and answers questions about classes, so that kinds can be evaluated and
 * simplified without setalgebra knowing what the classes mean. The equivalence layer implements
 * it (Type, Clodo, Size, Rcs, Via, Id ...).
 *
 * <p>The symbolic answers ({@link #disjoint}, {@link #includes}, {@link #covers}) must be sound:
 * true only when true for the whole universe of the heap; false when unsure is always allowed.
 * Kinds are simplified using them, so a wrong {@code true} makes kinds lose or gain nodes.
 * Implementations must be thread-safe and keep identity equality (or equal only when
 * interchangeable): atoms of equal classifiers are compared with each other.
 */
public interface Classifier {

  /** The relation's name as written after {@code hp.}, e.g. {@code "Type"}; orders atoms. */
  String name();

  /**
   * The members of {@code within} in class {@code spec}: a subset of {@code within}, which is not
   * modified. Called once per atom evaluation; should cost about the size of {@code within} or
   * less.
   */
  NodeSet select(NodeSet within, AtomSpec spec);

  /**
   * Whether node {@code node} is in class {@code spec}. The default selects from a one-node set;
   * override when a direct test is cheaper.
   */
  default boolean contains(int node, AtomSpec spec) {
    return node >= 0 && !select(NodeSet.of(node), spec).isEmpty();
  }

  /** Whether no node can be in both classes; symmetric; false when unsure. */
  boolean disjoint(AtomSpec first, AtomSpec second);

  /** Whether every node of class {@code contained} is in class {@code container}; false when unsure. */
  boolean includes(AtomSpec container, AtomSpec contained);

  /**
   * Whether every node is in at least one of the two classes (e.g. {@code Size <= 24} and {@code
   * Size > 16}); symmetric; false when unsure. The default says false.
   */
  default boolean covers(AtomSpec first, AtomSpec second) {
    return false;
  }

  /**
   * The class {@code spec} relaxed by {@code relaxation}, for {@link Atom#alt}. The default has
   * no orderings.
   *
   * @throws UnsupportedOperationException if this relation has no such ordering
   */
  default AtomSpec alt(AtomSpec spec, Relaxation relaxation) {
    throw new UnsupportedOperationException(name() + " kinds have no alt(" + relaxation.symbol() + ")");
  }

  /** The atom as hpq syntax, e.g. {@code hp.Type('java.lang.String')} or {@code hp.Size(24).alt('<=')}. */
  String render(AtomSpec spec);

  /**
   * A total order of this classifier's specs, consistent with {@code equals}, giving the
   * canonical order of operands (and so the display order). The default compares renderings,
   * which is consistent with {@code equals} when rendering is one to one.
   */
  default int compare(AtomSpec first, AtomSpec second) {
    return render(first).compareTo(render(second));
  }
}
