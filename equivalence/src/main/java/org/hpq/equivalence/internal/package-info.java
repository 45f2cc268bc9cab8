/**
 * Implementations behind the equivalence API: the relations and their classifiers (the kinds'
 * atoms), label-set interning, identity rows for {@code byid}, edge labels by outbound position,
 * reference-pattern row names and {@code byid} cell representations. Not for use outside the
 * module.
 */
package org.hpq.equivalence.internal;
