package dev.exp.repl;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.PrintWriter;
import java.nio.charset.StandardCharsets;

/**
 * The REPL over plain streams, used when standard input is not a terminal ({@code echo 'print(1)' | exp}):
 * no prompts, no line editing, inputs still span lines until the parser sees them complete.
 * The exit status is the worst outcome (0 ok, 1 runtime error, 2 syntax error, 3 a limit was hit,
 * 130 interrupted: the codes of {@code exp FILE}). Errors are located
 * as {@code <stdin>:line:column} of the whole input.
 */
public final class StreamRepl {
  private StreamRepl() {}

  public static int run(Commands commands, InputStream in, PrintWriter err) {
    StringBuilder pending = new StringBuilder();
    try (BufferedReader r = new BufferedReader(new InputStreamReader(in, StandardCharsets.UTF_8))) {
      String line;
      int lineNo = 0;
      int first = 1;   // the line the pending input starts at
      while ((line = r.readLine()) != null) {
        lineNo++;
        if (pending.length() == 0) {
          first = lineNo;
        }
        pending.append(line).append('\n');
        if (ExpLineParser.incomplete(pending.toString())) {
          continue;
        }
        boolean go = commands.handle(pending.toString(), "<stdin>", first);
        pending.setLength(0);
        if (!go) {
          return commands.status();
        }
      }
      if (!pending.toString().isBlank()) {
        commands.handle(pending.toString(), "<stdin>", first);
      }
    } catch (IOException e) {
      err.println("exp: cannot read input: " + e.getMessage());
      return 1;
    }
    return commands.status();
  }
}
