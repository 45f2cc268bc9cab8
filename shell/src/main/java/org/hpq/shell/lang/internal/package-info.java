/**
 * The language's machinery: lexer, parser, evaluator, environment, built-ins, completion and
 * "did you mean" suggestions. Not for use outside {@code org.hpq.shell}; the API is {@link
 * org.hpq.shell.lang.Interpreter}.
 */
package org.hpq.shell.lang.internal;
