package dev.exp.repl;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.PrintWriter;
import java.nio.charset.StandardCharsets;

/**
 * The REPL over plain streams, used when standard input is not a terminal ({@code echo 'print(1)' | exp}):
 * no prompts, no line editing, inputs still span lines until the parser sees them complete, and a
 * line that continues a complete input ({@code |> f}, {@code else}) joins it, as in a file.
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
      String next = r.readLine();   // one line of lookahead: a complete input may go on below (|> ..., else ...)
      int lineNo = 0;
      int first = 1;   // the line the pending input starts at
      while ((line = next) != null) {
        next = r.readLine();
        lineNo++;
        if (pending.length() == 0) {
          first = lineNo;
        }
        pending.append(line).append('\n');
        if (ExpLineParser.incomplete(pending.toString()) || continues(next)) {
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

  /**
   * Whether {@code line} continues the input above it, as it would in a file: a pipeline stage
   * ({@code |> sum}) or an {@code else} after the closing brace of an {@code if}. A terminal REPL runs
   * an input when Enter completes it; piped input can look ahead, so pasting a script's lines reads
   * them as the file would.
   */
  static boolean continues(String line) {
    if (line == null) {
      return false;
    }
    String t = line.stripLeading();
    return t.startsWith("|>") || t.startsWith("else") && (t.length() == 4 || !Character.isLetterOrDigit(t.charAt(4))
        && t.charAt(4) != '_');
  }
}
