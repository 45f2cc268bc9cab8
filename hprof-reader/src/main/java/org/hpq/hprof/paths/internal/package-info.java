/**
 * Implementation of {@link org.hpq.hprof.paths}: listing shortest paths by backtracking over the
 * breadth-first levels. Not an API: may change without notice.
 */
package org.hpq.hprof.paths.internal;
