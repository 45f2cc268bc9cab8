package org.hpq.setalgebra;

/**
 * Names one class of a relation, in that relation's own terms: a class name, a size, a label
 * set, an object id, perhaps with a {@link Relaxation}. The equivalence layer defines the
 * implementations (records are the natural choice); setalgebra only compares them with {@code
 * equals} and hands them back to their {@link Classifier}.
 *
 * <p>Implementations must be immutable values: {@code equals} and {@code hashCode} by content.
 * Two specs of one classifier that denote the same class should be equal (for example, render
 * {@code Size < 25} as {@code Size <= 24}); otherwise equivalent kinds may stay structurally
 * different, though they always hold the same nodes.
 */
public interface AtomSpec {}
