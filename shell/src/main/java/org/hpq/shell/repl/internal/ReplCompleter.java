package org.hpq.shell.repl.internal;

import java.util.List;
import org.hpq.shell.lang.CompletionCandidate;
import org.hpq.shell.lang.CompletionResult;
import org.hpq.shell.lang.Interpreter;
import org.jline.reader.Candidate;
import org.jline.reader.Completer;
import org.jline.reader.LineReader;
import org.jline.reader.ParsedLine;

/** Turns the interpreter's completions into JLine candidates, with the summary as description. */
public final class ReplCompleter implements Completer {
  private final Interpreter interpreter;

  /** A completer for {@code interpreter}. */
  public ReplCompleter(Interpreter interpreter) {
    this.interpreter = interpreter;
  }

  @Override
  public void complete(LineReader reader, ParsedLine line, List<Candidate> candidates) {
    CompletionResult result =
        line instanceof ParsedInput input
            ? input.completions()
            : interpreter.complete(line.line(), line.cursor());
    for (CompletionCandidate candidate : result.candidates()) {
      String group = switch (candidate.kind()) {
        case ATTRIBUTE -> "attributes";
        case METHOD -> "methods";
        case NAME -> "names";
        case KEYWORD -> "keywords";
        case STRING -> "values";
      };
      String description = candidate.description().isEmpty() ? null : candidate.description();
      // Not "complete": no space is appended, the user usually goes on with '.' or '('.
      String display = candidate.kind() == CompletionCandidate.Kind.STRING
          ? candidate.value().substring(0, candidate.value().length() - 1)
          : candidate.value();
      candidates.add(new Candidate(candidate.value(), display, group, description, null, null, false));
    }
  }
}
