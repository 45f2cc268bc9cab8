/**
 * The terminal tools around the language engine: {@link org.hpq.shell.repl.Repl} (JLine 3:
 * prompts, history, highlighting, completion, Ctrl-C cancellation) and {@link
 * org.hpq.shell.repl.ScriptRunner} (scripts and {@code -c} strings, text or JSON lines).
 */
package org.hpq.shell.repl;
