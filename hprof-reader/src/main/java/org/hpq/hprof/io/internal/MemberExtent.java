package org.hpq.hprof.io.internal;

/**
 * Where one gzip member lies in the file and how much it inflates to.
 *
 * @param offset file offset of the member's header
 * @param end file offset just past its 8-byte trailer (the next member's offset)
 * @param plainSize bytes it inflates to
 * @param comment its header comment, or {@code null}
 */
public record MemberExtent(long offset, long end, long plainSize, String comment) {}
