/**
 * The set algebra of hpq: concrete sets of heap objects and symbolic sets (kinds).
 *
 * <p>{@link org.hpq.setalgebra.NodeSet} is an immutable set of object indexes (dense,
 * non-negative ints) with fast compressed set operations; {@link org.hpq.setalgebra.NodeSets}
 * holds the same operations as static functions. {@link org.hpq.setalgebra.Kind} is a symbolic
 * set built from {@link org.hpq.setalgebra.Atom atoms}, the classes of equivalence relations
 * that the equivalence layer supplies through {@link org.hpq.setalgebra.Classifier}. This
 * package knows nothing of heap dumps.
 *
 * <pre>{@code
 * NodeSet heap = NodeSet.range(0, objectCount);
 * Kind strings = Kind.atom(typeClassifier, typeSpec("java.lang.String"));
 * Kind big = Kind.atom(sizeClassifier, sizeSpec(1024)).alt(Relaxation.GREATER_OR_EQUAL);
 * NodeSet bigStrings = strings.and(big).filter(heap);
 * System.out.println(strings.and(big.not()));   // hp.Type('java.lang.String') & ~hp.Size(1024).alt('>=')
 * }</pre>
 */
package org.hpq.setalgebra;
