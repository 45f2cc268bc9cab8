package org.hpq.shell.lang;

import java.util.function.Function;

/**
 * A computed attribute, {@code x.count}. Reading must have no side effects (tab completion reads
 * properties to learn the type of {@code x.dominos.<TAB>}); long computations should call {@link
 * CancellationToken#checkpoint()}.
 *
 * @param name the attribute name
 * @param summary one line for listings
 * @param details longer text, may be empty
 * @param getter computes the value
 * @param <T> the value class
 */
public record Property<T extends ShellValue>(
    String name, String summary, String details, Function<? super T, ? extends ShellValue> getter)
    implements Attribute<T> {

  /** A property with a one-line description only. */
  public static <T extends ShellValue> Property<T> of(
      String name, String summary, Function<? super T, ? extends ShellValue> getter) {
    return new Property<>(name, summary, "", getter);
  }

  @Override
  public String help() {
    return name + ": " + summary + (details.isEmpty() ? "" : "\n\n" + details);
  }

  @Override
  public ShellValue read(T self) {
    return getter.apply(self);
  }
}
