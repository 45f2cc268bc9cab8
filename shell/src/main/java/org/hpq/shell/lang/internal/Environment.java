package org.hpq.shell.lang.internal;

import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.concurrent.ConcurrentHashMap;
import org.hpq.shell.lang.CancellationToken;
import org.hpq.shell.lang.ShellValue;

/**
 * The names of a session: user variables over built-ins (language and host). Binding checks the
 * cancellation token under the same lock {@link #cancel} uses, so once {@code cancel} returns no
 * statement of that evaluation can change a variable. Thread-safe.
 */
public final class Environment {
  private final Map<String, ShellValue> builtins = new ConcurrentHashMap<>();
  private final Map<String, ShellValue> variables = new ConcurrentHashMap<>();
  private final Object bindLock = new Object();

  /** Defines a built-in name (language or host); user variables may shadow it. */
  public void defineBuiltin(String name, ShellValue value) {
    builtins.put(name, value);
  }

  /** The value of {@code name}: a variable, else a built-in. */
  public Optional<ShellValue> lookup(String name) {
    ShellValue value = variables.get(name);
    return Optional.ofNullable(value != null ? value : builtins.get(name));
  }

  /** Binds {@code name} unless {@code token} is cancelled. */
  public void bind(String name, ShellValue value, CancellationToken token) {
    synchronized (bindLock) {
      token.throwIfCancelled();
      variables.put(name, value);
    }
  }

  /** Cancels {@code token}; after this returns, no bind under that token happens. */
  public void cancel(CancellationToken token) {
    synchronized (bindLock) {
      token.cancel();
    }
  }

  /** A sorted snapshot of the user variables. */
  public Map<String, ShellValue> variables() {
    return new TreeMap<>(variables);
  }

  /** A sorted snapshot of the built-ins. */
  public Map<String, ShellValue> builtins() {
    return new TreeMap<>(builtins);
  }

  /** Every name in scope, sorted. */
  public TreeSet<String> names() {
    TreeSet<String> names = new TreeSet<>(builtins.keySet());
    names.addAll(variables.keySet());
    return names;
  }
}
