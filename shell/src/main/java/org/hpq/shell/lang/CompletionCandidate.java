package org.hpq.shell.lang;

/**
 * One completion.
 *
 * @param value the text that replaces the word being completed; for a string argument, its
 *     content followed by the closing quote
 * @param kind what it is
 * @param description one line (an attribute's summary), may be empty
 */
public record CompletionCandidate(String value, Kind kind, String description) {
  /** What a candidate is. */
  public enum Kind {
    /** A property of a value. */
    ATTRIBUTE,
    /** A method of a value. */
    METHOD,
    /** A variable or built-in name. */
    NAME,
    /** A keyword such as {@code None}. */
    KEYWORD,
    /** The content of a string argument. */
    STRING
  }
}
