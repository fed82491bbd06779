package dev.exp.repl;

import java.util.List;
import org.jline.reader.Candidate;
import org.jline.reader.Completer;
import org.jline.reader.LineReader;
import org.jline.reader.ParsedLine;

/** Tab completion: REPL commands at the start of a line, then keywords, globals, namespaces and members. */
public final class ExpCompleter implements Completer {
  private final Names names;

  public ExpCompleter(Names names) {
    this.names = names;
  }

  @Override
  public void complete(LineReader reader, ParsedLine line, List<Candidate> candidates) {
    String prefix = line.word().substring(0, line.wordCursor());
    for (String c : candidates(line.line(), prefix)) {
      // a keyword is followed by a space; a function name or namespace is not (the user types ( or .)
      boolean keyword = names.keywordList().contains(c);
      candidates.add(new Candidate(c, c, null, null, null, null, keyword));
    }
  }

  /** Candidates for the word before the cursor (tested without a terminal). */
  public List<String> candidates(String line, String prefix) {
    if (line.strip().startsWith(":") && !line.strip().contains(" ")) {
      return Commands.COMMANDS.stream().map(c -> c[0].split(" ")[0]).filter(c -> c.startsWith(prefix)).toList();
    }
    int dot = prefix.lastIndexOf('.');
    return names.all().stream()
        .filter(n -> n.startsWith(prefix))
        // without a dot in the prefix, offer namespaces but not their members
        .filter(n -> dot >= 0 ? n.lastIndexOf('.') == dot : n.indexOf('.') < 0)
        .toList();
  }
}
