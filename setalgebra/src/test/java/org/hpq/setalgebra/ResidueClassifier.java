package org.hpq.setalgebra;

/**
 * A toy relation for tests: node n is in the class of residue {@code n % modulus}; relaxations
 * compare residues, so {@code Mod7(3).alt('<=')} holds the nodes with residue 0 to 3. Its
 * symbolic answers are exact for any universe that holds every residue, e.g. {@code [0, 7k)}.
 */
final class ResidueClassifier implements Classifier {

  /** A class: the residues r with {@code r relation residue}. */
  record ResidueSpec(Relaxation relation, int residue) implements AtomSpec {}

  private final String name;
  private final int modulus;
  private final Relaxation testOrdering;

  /**
   * A relation of residues mod {@code modulus}; {@code testOrdering} ({@code <=} or {@code >=})
   * is the one ordering that random canonical kinds use, see {@link #canonicalSpec}.
   */
  ResidueClassifier(String name, int modulus, Relaxation testOrdering) {
    this.name = name;
    this.modulus = modulus;
    this.testOrdering = testOrdering;
  }

  /**
   * A random spec from a family in which no two literals (atoms or complements) denote the same
   * class, and none is empty or everything: {@code == r}, and {@code <= r} for r in [1, m-3] or
   * {@code >= r} for r in [2, m-2]. (With both orderings, {@code <= 1} would equal {@code ~(>=
   * 2)}: equivalent kinds that simplification keeps apart, see {@link AtomSpec}.)
   */
  ResidueSpec canonicalSpec(java.util.Random random) {
    if (random.nextInt(3) == 0) {
      return new ResidueSpec(Relaxation.EQUAL, random.nextInt(modulus));
    }
    int residue = testOrdering == Relaxation.LESS_OR_EQUAL
        ? 1 + random.nextInt(modulus - 3)
        : 2 + random.nextInt(modulus - 3);
    return new ResidueSpec(testOrdering, residue);
  }

  int modulus() {
    return modulus;
  }

  Atom atom(Relaxation relation, int residue) {
    return Kind.atom(this, new ResidueSpec(relation, residue));
  }

  /** Whether a node with residue {@code residue} is in {@code spec}; the tests' ground truth. */
  static boolean matches(ResidueSpec spec, int residue) {
    return switch (spec.relation()) {
      case LESS -> residue < spec.residue();
      case LESS_OR_EQUAL -> residue <= spec.residue();
      case EQUAL -> residue == spec.residue();
      case GREATER_OR_EQUAL -> residue >= spec.residue();
      case GREATER -> residue > spec.residue();
    };
  }

  boolean holds(AtomSpec spec, int node) {
    return matches((ResidueSpec) spec, node % modulus);
  }

  /** The residues of the class, as bits. */
  private long mask(AtomSpec spec) {
    long mask = 0;
    for (int residue = 0; residue < modulus; residue++) {
      if (matches((ResidueSpec) spec, residue)) {
        mask |= 1L << residue;
      }
    }
    return mask;
  }

  @Override
  public String name() {
    return name;
  }

  @Override
  public NodeSet select(NodeSet within, AtomSpec spec) {
    NodeSet.Builder builder = NodeSet.builder();
    within.forEach(node -> {
      if (holds(spec, node)) {
        builder.add(node);
      }
    });
    return builder.build();
  }

  @Override
  public boolean contains(int node, AtomSpec spec) {
    return holds(spec, node);
  }

  @Override
  public boolean disjoint(AtomSpec first, AtomSpec second) {
    return (mask(first) & mask(second)) == 0;
  }

  @Override
  public boolean includes(AtomSpec container, AtomSpec contained) {
    return (mask(contained) & ~mask(container)) == 0;
  }

  @Override
  public boolean covers(AtomSpec first, AtomSpec second) {
    return (mask(first) | mask(second)) == (1L << modulus) - 1;
  }

  @Override
  public AtomSpec alt(AtomSpec spec, Relaxation relaxation) {
    return new ResidueSpec(relaxation, ((ResidueSpec) spec).residue());
  }

  @Override
  public String render(AtomSpec spec) {
    ResidueSpec residue = (ResidueSpec) spec;
    String base = "hp." + name + "(" + residue.residue() + ")";
    return residue.relation() == Relaxation.EQUAL
        ? base
        : base + ".alt('" + residue.relation().symbol() + "')";
  }

  @Override
  public int compare(AtomSpec first, AtomSpec second) {
    ResidueSpec one = (ResidueSpec) first;
    ResidueSpec other = (ResidueSpec) second;
    int byResidue = Integer.compare(one.residue(), other.residue());
    return byResidue != 0 ? byResidue : one.relation().compareTo(other.relation());
  }
}
