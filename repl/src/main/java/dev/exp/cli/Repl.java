package dev.exp.cli;

import dev.exp.api.Engine;
import dev.exp.api.ExpRuntimeException;
import dev.exp.api.ExpSyntaxException;
import dev.exp.api.Session;
import dev.exp.api.Source;
import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.io.PrintWriter;
import java.nio.charset.StandardCharsets;

/** The read-eval-print loop (plain line reader; used when stdin is not a terminal). */
final class Repl {
  private Repl() {}

  static int start(Engine engine, PrintWriter out, PrintWriter err) {
    boolean interactive = System.console() != null;
    int status = 0;
    try (Session s = engine.newSession();
        BufferedReader in = new BufferedReader(new InputStreamReader(System.in, StandardCharsets.UTF_8))) {
      StringBuilder pending = new StringBuilder();
      int n = 0;
      while (true) {
        if (interactive) {
          out.print(pending.length() == 0 ? "exp> " : "...  ");
          out.flush();
        }
        String line = in.readLine();
        if (line == null) {
          if (pending.length() > 0) {
            status = evalInput(s, pending.toString(), ++n, out, err, true);
          }
          break;
        }
        pending.append(line).append('\n');
        try {
          dev.exp.syntax.Parsing.parse(new Source("<input>", pending.toString()));
        } catch (ExpSyntaxException e) {
          if (e.isIncompleteInput()) {
            continue;
          }
        }
        status = Math.max(status, evalInput(s, pending.toString(), ++n, out, err, false));
        pending.setLength(0);
      }
    } catch (IOException e) {
      err.println("exp: " + e.getMessage());
      return 1;
    }
    out.flush();
    return interactive ? 0 : status;
  }

  private static int evalInput(Session s, String text, int n, PrintWriter out, PrintWriter err, boolean last) {
    try {
      dev.exp.api.Value v = s.eval(new Source("<input>", text));
      if (!v.isNone()) {
        out.println(dev.exp.eval.Printer.repr(v.raw()));
      }
      out.flush();
      return 0;
    } catch (ExpSyntaxException e) {
      out.flush();
      err.println(e.getMessage());
      return 2;
    } catch (ExpRuntimeException e) {
      out.flush();
      err.println(e.render());
      return 1;
    }
  }
}
