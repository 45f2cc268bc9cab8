package org.hpq.shell.cli;

/** The command line's exit codes. */
final class ExitCodes {
  static final int OK = 0;
  static final int QUERY = 1;
  static final int USAGE = 2;
  static final int UNREADABLE_DUMP = 3;

  private ExitCodes() {}
}
