package org.hpq.testkit;

/** The format names a VM writes at the start of an HPROF file. */
public enum HprofVersion {
  /** Old HotSpot and the hprof agent: one HEAP DUMP (0x0C) record. */
  V1_0_1("JAVA PROFILE 1.0.1"),
  /** HotSpot: HEAP DUMP SEGMENT (0x1C) records and HEAP DUMP END. */
  V1_0_2("JAVA PROFILE 1.0.2"),
  /** Android (ART). */
  V1_0_3("JAVA PROFILE 1.0.3");

  private final String formatName;

  HprofVersion(String formatName) {
    this.formatName = formatName;
  }

  /** The ASCII text written before the NUL, e.g. {@code JAVA PROFILE 1.0.2}. */
  public String formatName() {
    return formatName;
  }
}
