/**
 * The built-in values: {@code int} ({@link org.hpq.shell.lang.value.IntValue}), {@code str},
 * {@code bool}, {@code None}, lists, tuples, functions, bound methods and help text. Hosts create
 * them to return results, e.g. {@code IntValue.of(set.count())}.
 */
package org.hpq.shell.lang.value;
