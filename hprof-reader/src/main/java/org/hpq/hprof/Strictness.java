package org.hpq.hprof;

/**
 * What the reader does with a malformed dump, after Eclipse MAT's setting of the same name.
 *
 * <ul>
 *   <li>{@link #STRICT}: any problem stops the read with an {@link HprofFormatException}.
 *   <li>{@link #WARN}: problems that can be repaired locally (a reference to an id that is not in
 *       the dump, a duplicate id, a field block of the wrong length) are repaired and reported as
 *       warnings; structural problems (a truncated file, an unknown sub-record) still stop.
 *   <li>{@link #PERMISSIVE}: as WARN, and a structural problem ends the read at the last good
 *       record: the dump opens as far as it goes, with a warning that says what was lost.
 * </ul>
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
