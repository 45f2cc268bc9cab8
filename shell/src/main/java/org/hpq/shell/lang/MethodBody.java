package org.hpq.shell.lang;

/**
 * The code of a {@link Method}.
 *
 * @param <T> the receiver's class
 */
@FunctionalInterface
public interface MethodBody<T extends ShellValue> {
  /**
   * Calls the method on {@code self}.
   *
   * @throws EvaluationError for bad arguments
   */
  ShellValue call(T self, Arguments arguments);
}
