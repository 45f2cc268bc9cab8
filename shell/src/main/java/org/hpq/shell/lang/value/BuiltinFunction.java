package org.hpq.shell.lang.value;

import java.util.List;
import java.util.function.Function;
import org.hpq.shell.lang.ArgumentSlot;
import org.hpq.shell.lang.Arguments;
import org.hpq.shell.lang.ShellType;
import org.hpq.shell.lang.ShellValue;
import org.hpq.shell.lang.StringArgumentCompleter;

/**
 * A function value not bound to a receiver: {@code len}, {@code help}, or one a host defines.
 *
 * @param signature how it is called, e.g. {@code len(x)}; the name is the text before '('
 * @param summary one line for listings
 * @param details longer help, may be empty
 * @param pure whether calling it has no side effects (completion may call it)
 * @param body the code
 * @param completer completes string arguments
 */
public record BuiltinFunction(
    String signature,
    String summary,
    String details,
    boolean pure,
    Function<Arguments, ShellValue> body,
    StringArgumentCompleter completer)
    implements ShellValue {
  /** The type {@code builtin_function}. */
  public static final ShellType<BuiltinFunction> TYPE =
      ShellType.builder("builtin_function", BuiltinFunction.class).summary("a function").build();

  /** An impure function without details or completer. */
  public static BuiltinFunction of(
      String signature, String summary, Function<Arguments, ShellValue> body) {
    return new BuiltinFunction(signature, summary, "", false, body, StringArgumentCompleter.NONE);
  }

  /** This function marked side-effect free. */
  public BuiltinFunction asPure() {
    return new BuiltinFunction(signature, summary, details, true, body, completer);
  }

  /** This function with longer help. */
  public BuiltinFunction withDetails(String text) {
    return new BuiltinFunction(signature, summary, text, pure, body, completer);
  }

  /** This function with a completer for string arguments. */
  public BuiltinFunction withCompleter(StringArgumentCompleter argumentCompleter) {
    return new BuiltinFunction(signature, summary, details, pure, body, argumentCompleter);
  }

  /** The name: the signature up to '('. */
  public String name() {
    int open = signature.indexOf('(');
    return open < 0 ? signature : signature.substring(0, open);
  }

  @Override
  public ShellType<BuiltinFunction> type() {
    return TYPE;
  }

  @Override
  public String help() {
    return signature + ": " + summary + (details.isEmpty() ? "" : "\n\n" + details);
  }

  @Override
  public boolean isCallable() {
    return true;
  }

  @Override
  public boolean isPureCall() {
    return pure;
  }

  @Override
  public ShellValue call(Arguments arguments) {
    return body.apply(arguments);
  }

  @Override
  public List<String> completeStringArgument(ArgumentSlot slot, String prefix) {
    return completer.complete(slot, prefix);
  }

  @Override
  public String repr() {
    return "<built-in function " + name() + ">";
  }
}
