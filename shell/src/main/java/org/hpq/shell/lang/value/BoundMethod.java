package org.hpq.shell.lang.value;

import java.util.List;
import org.hpq.shell.lang.ArgumentSlot;
import org.hpq.shell.lang.Arguments;
import org.hpq.shell.lang.Method;
import org.hpq.shell.lang.ShellType;
import org.hpq.shell.lang.ShellValue;

/**
 * A {@link Method} read from a value, ready to be called: {@code x.by}.
 *
 * @param receiver the value the method was read from
 * @param method the method
 * @param <T> the receiver's class
 */
public record BoundMethod<T extends ShellValue>(T receiver, Method<T> method) implements ShellValue {
  /** The type {@code method}. */
  @SuppressWarnings({"unchecked", "rawtypes"})
  public static final ShellType<BoundMethod<?>> TYPE =
      ShellType.builder("method", (Class<BoundMethod<?>>) (Class) BoundMethod.class)
          .summary("a method of a value, ready to be called")
          .build();

  @Override
  public ShellType<BoundMethod<?>> type() {
    return TYPE;
  }

  @Override
  public String help() {
    return receiver.type().name() + "." + method.help();
  }

  @Override
  public boolean isCallable() {
    return true;
  }

  @Override
  public boolean isPureCall() {
    return method.pure();
  }

  @Override
  public ShellValue call(Arguments arguments) {
    return method.body().call(receiver, arguments);
  }

  @Override
  public List<String> completeStringArgument(ArgumentSlot slot, String prefix) {
    return method.completer().complete(slot, prefix);
  }

  @Override
  public String repr() {
    return "<method " + receiver.type().name() + "." + method.signature() + ">";
  }
}
