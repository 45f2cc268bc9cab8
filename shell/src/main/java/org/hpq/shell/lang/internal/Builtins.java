package org.hpq.shell.lang.internal;

import java.util.Map;
import java.util.function.Supplier;
import org.hpq.shell.lang.EvaluationError;
import org.hpq.shell.lang.ShellValue;
import org.hpq.shell.lang.value.BuiltinFunction;
import org.hpq.shell.lang.value.HelpText;
import org.hpq.shell.lang.value.IntValue;
import org.hpq.shell.lang.value.ListValue;
import org.hpq.shell.lang.value.StringValue;

/** The language's built-in functions: {@code help}, {@code len}, {@code dir}, {@code hex}, {@code str}. */
public final class Builtins {
  private Builtins() {}

  /**
   * Defines the built-ins in {@code environment}.
   *
   * @param overview produces the text of {@code help()}
   */
  public static void install(Environment environment, Supplier<String> overview) {
    Map<String, BuiltinFunction> functions =
        Map.of(
            "help", help(overview),
            "len", len(),
            "dir", dir(environment),
            "hex", hex(),
            "str", str());
    functions.forEach(environment::defineBuiltin);
  }

  private static BuiltinFunction help(Supplier<String> overview) {
    return BuiltinFunction.of(
            "help(x)",
            "documentation of x's type and attributes; help() alone gives an overview",
            arguments -> {
              arguments.expect("help", 0, 1);
              return new HelpText(arguments.size() == 0 ? overview.get() : arguments.get(0).help());
            })
        .withDetails("x? on a line of its own is the same as help(x).")
        .asPure();
  }

  private static BuiltinFunction len() {
    return BuiltinFunction.of(
            "len(x)",
            "the number of elements of x (rows of a partition, chars of a string)",
            arguments -> {
              ShellValue value = arguments.expect("len", 1, 1).get(0);
              return IntValue.of(value.length().orElseThrow(() -> new EvaluationError(
                  "object of type '" + value.type().name() + "' has no len()")));
            })
        .asPure();
  }

  private static BuiltinFunction dir(Environment environment) {
    return BuiltinFunction.of(
            "dir(x)",
            "the attribute names of x; dir() alone lists the names in scope",
            arguments -> {
              arguments.expect("dir", 0, 1);
              var names = arguments.size() == 0
                  ? environment.names().stream().toList()
                  : arguments.get(0).attributeNames();
              return ListValue.of(names.stream().map(StringValue::of).toList());
            })
        .asPure();
  }

  private static BuiltinFunction hex() {
    return BuiltinFunction.of(
            "hex(n)",
            "the integer n in hexadecimal, e.g. hex(255) == '0xff'",
            arguments -> {
              long value = arguments.expect("hex", 1, 1).getLong(0);
              String digits = value < 0 && value != Long.MIN_VALUE
                  ? "-0x" + Long.toHexString(-value)
                  : value == Long.MIN_VALUE ? "-0x8000000000000000" : "0x" + Long.toHexString(value);
              return StringValue.of(digits);
            })
        .asPure();
  }

  private static BuiltinFunction str() {
    return BuiltinFunction.of(
            "str(x)",
            "x as a string (a string stays as it is; other values give their one-line form)",
            arguments -> {
              ShellValue value = arguments.expect("str", 1, 1).get(0);
              return value instanceof StringValue ? value : StringValue.of(value.repr());
            })
        .asPure();
  }
}
