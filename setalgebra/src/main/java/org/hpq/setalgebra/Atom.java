package org.hpq.setalgebra;

import java.util.Objects;

/**
 * One class of one equivalence relation, such as {@code hp.Type('java.lang.String')}: the
 * {@link Classifier} is the relation, the {@link AtomSpec} names the class. setalgebra never
 * looks inside the spec; it asks the classifier.
 *
 * @param classifier the relation; atoms of equal classifiers can be compared and simplified
 * @param spec which class, in the classifier's own terms
 */
public record Atom(Classifier classifier, AtomSpec spec) implements Kind {

  /** Checks that both parts are present. */
  public Atom {
    Objects.requireNonNull(classifier, "classifier");
    Objects.requireNonNull(spec, "spec");
  }

  /**
   * This class relaxed by {@code relaxation}, as heapy's {@code kind.alt(op)}: for example the
   * subclasses of a type ({@code <}), or the sizes up to a size ({@code <=}). The classifier
   * decides what the relaxation means.
   *
   * @throws UnsupportedOperationException if the relation has no ordering
   */
  public Atom alt(Relaxation relaxation) {
    return new Atom(classifier, classifier.alt(spec, relaxation));
  }

  /** Whatever the classifier renders, e.g. {@code hp.Size(24)}. */
  @Override
  public String toString() {
    return classifier.render(spec);
  }
}
