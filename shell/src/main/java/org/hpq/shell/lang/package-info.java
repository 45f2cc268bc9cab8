/**
 * The hpq shell language: a small Python-like expression language (heapy's users type Python).
 *
 * <p>{@link org.hpq.shell.lang.Interpreter} is the engine (parse, run, complete); {@link
 * org.hpq.shell.lang.ShellValue} and {@link org.hpq.shell.lang.ShellType} are the object model a
 * host implements for its values (hpq's {@code hp}, sets, kinds). Operators are dispatched by
 * typed methods ({@link org.hpq.shell.lang.ShellValue#binary}), attributes through a per-type
 * registry that also feeds {@code help} and tab completion. Errors are {@link
 * org.hpq.shell.lang.ShellException}s carrying a line and column.
 *
 * <pre>{@code
 * Interpreter interpreter = Interpreter.create().define("hp", hp);
 * interpreter.execute(Source.interactive("h = hp.heap(); h.bytype"), CancellationToken.create(),
 *     value -> System.out.println(value.render(RenderOptions.DEFAULT)));
 * }</pre>
 *
 * <p>The grammar and semantics are in {@code docs/language.md}.
 */
package org.hpq.shell.lang;
