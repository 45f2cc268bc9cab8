package org.hpq.shell.lang;

import org.hpq.shell.lang.value.BoundMethod;

/**
 * A callable attribute, {@code x.by('Type')}. Reading it gives a {@link BoundMethod}.
 *
 * @param name the attribute name
 * @param signature how it is called, e.g. {@code by(relation)}
 * @param summary one line for listings
 * @param details longer text, may be empty
 * @param pure whether calling it has no side effects, so completion may call it
 * @param body the code
 * @param completer completes string arguments
 * @param <T> the receiver's class
 */
public record Method<T extends ShellValue>(
    String name,
    String signature,
    String summary,
    String details,
    boolean pure,
    MethodBody<T> body,
    StringArgumentCompleter completer)
    implements Attribute<T> {

  /** An impure method without details or completer. */
  public static <T extends ShellValue> Method<T> of(
      String name, String signature, String summary, MethodBody<T> body) {
    return new Method<>(name, signature, summary, "", false, body, StringArgumentCompleter.NONE);
  }

  /** This method marked side-effect free. */
  public Method<T> asPure() {
    return new Method<>(name, signature, summary, details, true, body, completer);
  }

  /** This method with longer help text. */
  public Method<T> withDetails(String text) {
    return new Method<>(name, signature, summary, text, pure, body, completer);
  }

  /** This method with a completer for its string arguments. */
  public Method<T> withCompleter(StringArgumentCompleter argumentCompleter) {
    return new Method<>(name, signature, summary, details, pure, body, argumentCompleter);
  }

  @Override
  public String help() {
    return signature + ": " + summary + (details.isEmpty() ? "" : "\n\n" + details);
  }

  @Override
  public ShellValue read(T self) {
    return new BoundMethod<>(self, this);
  }
}
