package org.hpq.hprof;

/**
 * What the reader does with a malformed dump, after Eclipse MAT's setting of the same name.
 *
 * <ul>
 *   <li>{@link #STRICT}: any problem stops the read with an {@link HprofFormatException}.
 *   <li>{@link #WARN}: problems that can be repaired locally are repaired and reported as warnings:
 *       a reference or GC root to an id that is not in the dump (dropped), a duplicate id (the
 *       later object ignored), a class hierarchy loop (cut above the class), a missing superclass,
 *       an instance whose field bytes do not match its class (fields read as far as they go), a
 *       sub-record that runs past the end of its HEAP DUMP SEGMENT with contiguous bytes (the
 *       segment length taken as advisory). Structural problems still stop: a truncated file, a
 *       length past the end, garbage between records, an unknown sub-record tag, a sub-record cut
 *       in two by a segment header (split sub-records are not spliced).
 *   <li>{@link #PERMISSIVE}: as WARN, and a structural problem ends the read at the last good
 *       record or sub-record: the dump opens as far as it goes, with a warning that says where it
 *       stopped and what was lost (an unknown sub-record skips the rest of its segment only).
 * </ul>
 *
 * <p>In every mode, records with unknown top-level tags are skipped by their length with one
 * warning, as the format allows.
 */
public enum Strictness {
  STRICT,
  WARN,
  PERMISSIVE;

  /** Whether a repairable problem may be repaired with a warning. */
  public boolean repairs() {
    return this != STRICT;
  }

  /** Whether a structural problem may end the read early instead of failing. */
  public boolean truncates() {
    return this == PERMISSIVE;
  }
}
