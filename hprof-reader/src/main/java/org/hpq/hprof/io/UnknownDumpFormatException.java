package org.hpq.hprof.io;

import java.io.IOException;
import java.nio.file.Path;

/**
 * A file that is neither an HPROF dump nor a gzip file holding one. The message names the file and
 * what was found instead (the first bytes in hexadecimal and as ASCII).
 */
public final class UnknownDumpFormatException extends IOException {
  private final transient Path file;

  /**
   * @param file the file
   * @param found what the file holds instead, e.g. {@code starts with 50 4b 03 04 "PK.."}
   */
  public UnknownDumpFormatException(Path file, String found) {
    super(file + ": " + problem(found));
    this.file = file;
  }

  /** The message without the file name: what was found instead of a dump. */
  public static String problem(String found) {
    return "not an HPROF heap dump (plain, chunked gzip or gzip): " + found;
  }

  /** The message without the file name. */
  public String problem() {
    String message = getMessage();
    String prefix = file + ": ";
    return message.startsWith(prefix) ? message.substring(prefix.length()) : message;
  }

  /** The file. */
  public Path file() {
    return file;
  }
}
