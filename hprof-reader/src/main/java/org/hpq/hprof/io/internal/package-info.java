/**
 * Machinery behind {@link org.hpq.hprof.io}: gzip header parsing, member inflation with CRC32 and
 * ISIZE checks, the (parallel) member scan, the inflated-block cache and cache file names. Not an
 * API: use the classes of {@code org.hpq.hprof.io}.
 */
package org.hpq.hprof.io.internal;
