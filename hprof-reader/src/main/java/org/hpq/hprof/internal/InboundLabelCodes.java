package org.hpq.hprof.internal;

/**
 * How {@code in.labels} stores a label code ({@link Labels}): an array slot {@code i} as {@code i +
 * 1}, a text code (negative) as itself, and an object's implicit edge to its class as 0, which is
 * what a page never written holds. So the inversion writes no label for the 92.8 M class edges of
 * the benchmark dump, and the blocks they fill (each class's instances, at the end of its
 * inbound list) stay holes in the file, which cost neither memory nor disk.
 */
public final class InboundLabelCodes {
  private InboundLabelCodes() {}

  /** What is stored for {@code code}; the slot label {@code Integer.MAX_VALUE}, a cap, becomes one less. */
  public static int stored(int code) {
    return code >= 0 ? Math.min(code, Integer.MAX_VALUE - 1) + 1 : code;
  }

  /** The label code of {@code stored}, where {@code classLabel} is the code of {@code <class>}. */
  public static int code(int stored, int classLabel) {
    return stored > 0 ? stored - 1 : stored < 0 ? stored : classLabel;
  }
}
