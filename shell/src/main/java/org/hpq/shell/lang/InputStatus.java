package org.hpq.shell.lang;

/** What {@link Interpreter#status(String)} says about a piece of input (as jshell's engine does). */
public enum InputStatus {
  /** Only blanks and comments. */
  EMPTY,
  /** One or more whole statements. */
  COMPLETE,
  /** Not yet a program, but more lines could make it one (open bracket, trailing operator). */
  INCOMPLETE,
  /** Invalid whatever follows. */
  INVALID
}
