/**
 * Implementation of {@link org.hpq.hprof.dominators}: the semi-NCA dominator builder and its
 * preorder numbering, the set walk and dominator-chain memo behind {@code Dominos}, and the
 * checks behind {@code DominatorCertificate}. Not an API: may change without notice.
 */
package org.hpq.hprof.dominators.internal;
