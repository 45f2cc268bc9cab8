package org.hpq.shell.lang;

/** Python's index rules, for hosts that implement {@link ShellValue#index}. */
public final class Indices {
  private Indices() {}

  /**
   * Resolves {@code index} (negative counts from the end) against {@code length}.
   *
   * @param what names the sequence for the message, e.g. {@code "row"}
   * @return an index in [0, length)
   * @throws EvaluationError when out of range
   */
  public static long resolve(long index, long length, String what) {
    long resolved = index < 0 ? index + length : index;
    if (resolved < 0 || resolved >= length) {
      throw new EvaluationError(
          what + " index " + index + " out of range (" + length + " " + (length == 1 ? "element" : "elements") + ")");
    }
    return resolved;
  }
}
