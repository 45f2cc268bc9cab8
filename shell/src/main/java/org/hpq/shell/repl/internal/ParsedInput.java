package org.hpq.shell.repl.internal;

import java.util.List;
import org.hpq.shell.lang.CompletionResult;
import org.jline.reader.CompletingParsedLine;

/**
 * JLine's view of the input: the "word" is the text from the completion anchor to the cursor
 * (an identifier fragment, or the content of a string being typed), so a candidate replaces it.
 *
 * @param line the whole input
 * @param cursor the cursor offset
 * @param anchor where the word starts
 * @param completions the completions computed while parsing (empty when not completing)
 */
public record ParsedInput(String line, int cursor, int anchor, CompletionResult completions)
    implements CompletingParsedLine {

  @Override
  public String word() {
    return line.substring(anchor, cursor);
  }

  @Override
  public int wordCursor() {
    return cursor - anchor;
  }

  @Override
  public int wordIndex() {
    return 0;
  }

  @Override
  public List<String> words() {
    return List.of(word());
  }

  @Override
  public CharSequence escape(CharSequence candidate, boolean complete) {
    return candidate;
  }

  @Override
  public int rawWordCursor() {
    return wordCursor();
  }

  @Override
  public int rawWordLength() {
    return cursor - anchor;
  }
}
