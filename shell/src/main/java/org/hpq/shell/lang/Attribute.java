package org.hpq.shell.lang;

/**
 * One attribute of a {@link ShellType}: a {@link Property} (a computed value, {@code x.count})
 * or a {@link Method} (a value that is called, {@code x.by('Type')}). The summary feeds {@code
 * help(x)} and the completion menu.
 *
 * @param <T> the value class the attribute reads
 */
public sealed interface Attribute<T extends ShellValue> permits Property, Method {
  /** The name typed after the dot. */
  String name();

  /** One line for listings and completion. */
  String summary();

  /** The full help text of the attribute. */
  String help();

  /** The value of this attribute of {@code self}. */
  ShellValue read(T self);
}
