/**
 * The syntax tree: sealed {@link org.hpq.shell.lang.ast.Expression} and {@link
 * org.hpq.shell.lang.ast.Statement} interfaces whose cases are records, each with a position.
 * {@link org.hpq.shell.lang.ast.AstFormatter} prints a tree back, fully parenthesized.
 */
package org.hpq.shell.lang.ast;
