package org.hpq.shell.lang;

import java.util.OptionalLong;

/**
 * The bounds of {@code x[start:stop:step]}, each optional, with Python's meaning: negative
 * indices count from the end, bounds are clamped, the step defaults to 1 and is never 0.
 *
 * @param start the first index, if given
 * @param stop the index after the last, if given
 * @param step the step, if given
 */
public record SliceBounds(OptionalLong start, OptionalLong stop, OptionalLong step) {
  /** Checks the step is not zero. */
  public SliceBounds {
    if (step.isPresent() && step.getAsLong() == 0) {
      throw new EvaluationError("slice step cannot be zero");
    }
  }

  /**
   * Resolves against a sequence of {@code length} elements, like Python's {@code
   * slice.indices}.
   *
   * @return {start, stop, step} with indices within [-1, length]
   */
  public long[] indices(long length) {
    long stepValue = step.orElse(1);
    long lower = stepValue < 0 ? -1 : 0;
    long upper = stepValue < 0 ? length - 1 : length;
    long startValue =
        start.isPresent() ? clamp(start.getAsLong(), length, lower, upper) : stepValue < 0 ? upper : lower;
    long stopValue =
        stop.isPresent() ? clamp(stop.getAsLong(), length, lower, upper) : stepValue < 0 ? lower : upper;
    return new long[] {startValue, stopValue, stepValue};
  }

  /** The number of elements selected from a sequence of {@code length}. */
  public long count(long length) {
    long[] resolved = indices(length);
    long span = resolved[2] > 0 ? resolved[1] - resolved[0] : resolved[0] - resolved[1];
    long stepSize = Math.abs(resolved[2]);
    return span <= 0 ? 0 : (span + stepSize - 1) / stepSize;
  }

  private static long clamp(long index, long length, long lower, long upper) {
    long adjusted = index < 0 ? index + length : index;
    return Math.max(lower, Math.min(upper, adjusted));
  }
}
