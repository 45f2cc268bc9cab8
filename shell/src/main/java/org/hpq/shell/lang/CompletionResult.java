package org.hpq.shell.lang;

import java.util.List;

/**
 * Completions for a cursor position.
 *
 * @param anchor the offset where the word being completed starts; a candidate replaces the text
 *     from here to the cursor
 * @param candidates the candidates, sorted by value
 */
public record CompletionResult(int anchor, List<CompletionCandidate> candidates) {
  /** Copies the list. */
  public CompletionResult {
    candidates = List.copyOf(candidates);
  }

  /** No candidates at {@code cursor}. */
  public static CompletionResult none(int cursor) {
    return new CompletionResult(cursor, List.of());
  }

  /** The candidate values, for tests and simple clients. */
  public List<String> values() {
    return candidates.stream().map(CompletionCandidate::value).toList();
  }
}
