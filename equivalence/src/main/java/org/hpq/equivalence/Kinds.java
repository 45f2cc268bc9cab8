package org.hpq.equivalence;

import java.util.List;
import org.hpq.equivalence.internal.ClodoClassifier.ClodoSpec;
import org.hpq.equivalence.internal.ClodoRelation;
import org.hpq.equivalence.internal.IdRelation.IdSpec;
import org.hpq.equivalence.internal.LabelSetClassifier;
import org.hpq.equivalence.internal.SizeClassifier.SizeSpec;
import org.hpq.equivalence.internal.TypeClassifier.TypeSpec;
import org.hpq.setalgebra.Atom;
import org.hpq.setalgebra.Kind;
import org.hpq.setalgebra.Relaxation;

/**
 * Kinds (symbolic sets) of one heap's relations, heapy's {@code hp.Type(...)}, {@code
 * hp.Clodo(...)}, {@code hp.Size(...)}, {@code hp.Rcs(...)}, {@code hp.Via(...)}, {@code
 * hp.Id(...)}, {@code hp.Anything} and {@code hp.Nothing}. Atoms come from the relations'
 * classifiers, so kinds of one heap compare and simplify with each other; relax an atom with
 * {@link Atom#alt}. Thread-safe.
 *
 * <pre>{@code
 * Kinds kinds = heap.kinds();
 * ObjectSet big = heap.heapSet().and(kinds.type("java.lang.String").and(kinds.size(24).alt(Relaxation.GREATER)));
 * }</pre>
 */
public final class Kinds {
  private final Relations relations;

  Kinds(Relations relations) {
    this.relations = relations;
  }

  /** {@code hp.Anything}: every object. */
  public Kind anything() {
    return Kind.anything();
  }

  /** {@code hp.Nothing}: no object. */
  public Kind nothing() {
    return Kind.nothing();
  }

  /** {@code hp.Type(name)}: objects whose type is exactly {@code name} ({@code alt} for sub/superclasses). */
  public Atom type(String name) {
    return Kind.atom(relations.get("type").classifier(), new TypeSpec(name, Relaxation.EQUAL));
  }

  /**
   * {@code hp.Clodo(label)}: the clodo class written as tables show it: {@code java.lang.String},
   * {@code byte[] of java.lang.String} or {@code byte[] (no owner)}; a bare array type means
   * the arrays with no owner.
   */
  public Atom clodo(String label) {
    ClodoSpec spec = ClodoRelation.parseLabel(label);
    return Kind.atom(relations.clodo().classifier(), spec);
  }

  /**
   * {@code hp.Clodo(type, owner=owner)}: arrays of {@code type} owned by an object of class
   * {@code owner}; with a null owner, instances of {@code type} (arrays: those with no owner).
   */
  public Atom clodo(String type, String owner) {
    return Kind.atom(relations.clodo().classifier(), new ClodoSpec(type, owner));
  }

  /** {@code hp.Size(bytes)}: objects of exactly that shallow size ({@code alt} for smaller/larger). */
  public Atom size(long bytes) {
    return Kind.atom(relations.get("size").classifier(), new SizeSpec(bytes, Relaxation.EQUAL));
  }

  /**
   * {@code hp.Rcs(labels...)}: objects whose set of referrer kinds (clodo labels, {@code <root:
   * KIND>} for roots) equals the given set; no labels: objects no one refers to.
   */
  public Atom rcs(String... labels) {
    return labelSet("rcs", labels);
  }

  /**
   * {@code hp.Via(labels...)}: objects whose set of incoming edge labels ({@code .field},
   * {@code [i]}, {@code Owner.field}, {@code <root: KIND>}) equals the given set.
   */
  public Atom via(String... labels) {
    for (String label : labels) {
      if (!isViaLabel(label)) {
        String hint = label.matches("[\\p{L}_$][\\p{L}\\p{N}_$]*") ? "; did you mean '." + label + "'?" : "";
        throw new IllegalArgumentException(
            "'" + label + "' is not a via label: instance fields are '.name', array slots '[0]', static fields"
                + " 'Owner.name', roots '<root: KIND>'" + hint);
      }
    }
    return labelSet("via", labels);
  }

  /** Whether {@code label} has the shape of an edge label: {@code .f}, {@code [i]}, {@code <...>} or {@code Owner.f}. */
  private static boolean isViaLabel(String label) {
    return label.startsWith(".") || label.startsWith("[") || label.startsWith("<") || label.indexOf('.') > 0;
  }

  private Atom labelSet(String relation, String... labels) {
    LabelSetClassifier classifier = (LabelSetClassifier) relations.get(relation).classifier();
    return Kind.atom(classifier, classifier.spec(List.of(labels)));
  }

  /** {@code hp.Id(id)}: the object with that id in the dump (empty if there is none). */
  public Atom id(long id) {
    return Kind.atom(relations.get("id").classifier(), new IdSpec(id));
  }

  /** The clodo kind of one object: the atom whose class holds {@code node}. */
  public Atom clodoOf(int node) {
    ClodoRelation clodo = (ClodoRelation) relations.clodo();
    return Kind.atom(clodo.classifier(), clodo.specOf(clodo.key(node)));
  }
}
