/**
 * Implementation of the set algebra: node-set hashing, iteration and text, and the kind
 * simplifier, evaluator and renderer. Public only because Java has no friend packages; nothing
 * here is API and it may change without notice. Use {@link org.hpq.setalgebra} instead.
 */
package org.hpq.setalgebra.internal;
