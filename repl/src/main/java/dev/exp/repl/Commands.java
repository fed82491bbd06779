package dev.exp.repl;

import dev.exp.api.ExpLimitException;
import dev.exp.api.ExpInterruptedException;
import dev.exp.api.ExpRuntimeException;
import dev.exp.api.ExpSyntaxException;
import dev.exp.api.Session;
import dev.exp.api.Source;
import dev.exp.api.Value;
import java.io.IOException;
import java.io.PrintWriter;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.List;
import java.util.function.IntSupplier;

/**
 * What the REPL does with one complete input: a {@code :command} or Exp code. Shared by the
 * terminal front end and the plain-stream one. Errors are printed, never thrown: the session lives on.
 */
public final class Commands {
  /** REPL commands with their one-line help, in the order {@code :help} lists them. */
  public static final List<String[]> COMMANDS = List.of(
      new String[] {":help [NAME]", "signature and documentation of a function or namespace (also help(f))"},
      new String[] {":load FILE", "run a script in this session; its definitions stay"},
      new String[] {":time EXPR", "evaluate and show the wall-clock time"},
      new String[] {":reset", "forget all definitions"},
      new String[] {":quit", "leave (or Ctrl-D)"});

  /** Status when a limit stopped an input (--timeout, --max-steps, call depth); Main.EXIT_LIMIT. */
  static final int EXIT_LIMIT = 3;

  /** Status when an input was interrupted (Ctrl-C, a cancel); Main.EXIT_INTERRUPTED. */
  static final int EXIT_INTERRUPTED = 130;

  private final Session session;
  private final PrintWriter out;
  private final PrintWriter err;
  private final IntSupplier width;
  private int inputs;
  private int status;
  private java.util.function.Consumer<ExpRuntimeException> beforeError = e -> {};

  public Commands(Session session, PrintWriter out, PrintWriter err, IntSupplier width) {
    this.session = session;
    this.out = out;
    this.err = err;
    this.width = width;
  }

  /**
   * The worst outcome so far, as the exit codes of {@code exp FILE}: 0 ok, 1 runtime error, 2 syntax
   * error, 3 a limit was hit, 130 interrupted.
   */
  public int status() {
    return status;
  }

  public Session session() {
    return session;
  }

  /**
   * Runs {@code hook} when an evaluation fails at run time, before the error is printed (the CLI
   * removes its live experiment line there and says how many trials finished). Returns this.
   */
  public Commands beforeError(java.util.function.Consumer<ExpRuntimeException> hook) {
    this.beforeError = hook;
    return this;
  }

  /** Stops the evaluation in progress, if any (Ctrl-C). */
  public void cancel() {
    session.cancel();
  }

  /** Handles one complete input; returns false when the user asked to quit. */
  /** The name and text given to {@link #handle(String, String, int)} so far, for the lines of errors. */
  private String wholeName;
  private final StringBuilder wholeText = new StringBuilder();

  public boolean handle(String input) {
    return handle(input, null, 1);
  }

  /**
   * As {@link #handle(String)} for a piece of a longer text ({@code name}, e.g. {@code <stdin>},
   * starting at line {@code firstLine}): errors then give that text's own line numbers and lines.
   */
  public boolean handle(String input, String name, int firstLine) {
    if (name != null) {
      wholeName = name;
      wholeText.append(input);   // an error may be in an earlier piece (a function defined there)
    }
    String line = input.strip();
    if (line.isEmpty()) {
      return true;
    }
    if (line.startsWith(":")) {
      return command(line);
    }
    if (name == null) {
      eval(input, false);
    } else {
      run(new Source(name, input, firstLine), false);
    }
    return true;
  }

  private boolean command(String line) {
    int sp = line.indexOf(' ');
    String name = sp < 0 ? line : line.substring(0, sp);
    String arg = sp < 0 ? "" : line.substring(sp + 1).strip();
    switch (name) {
      case ":q", ":quit", ":exit" -> {
        return false;
      }
      case ":h", ":help" -> help(arg);
      case ":load", ":l" -> load(arg);
      case ":time", ":t" -> {
        if (arg.isEmpty()) {
          fail(2, ":time needs an expression, e.g. :time sum(randn([1000], seed: 1))");
        } else {
          eval(arg, true);
        }
      }
      case ":reset" -> {
        session.reset();
        out.println("(definitions cleared)");
      }
      default -> fail(2, "unknown command " + name + "; commands: :help, :load, :time, :reset, :quit");
    }
    out.flush();
    return true;
  }

  private void help(String name) {
    if (name.isEmpty()) {
      eval("help()", false);
      out.println();
      out.println("REPL commands:");
      for (String[] c : COMMANDS) {
        out.printf("  %-14s %s%n", c[0], c[1]);
      }
      return;
    }
    String text = session.engine().help(name);
    if (text != null) {
      out.println(text);
      return;
    }
    if (name.matches("[A-Za-z_][A-Za-z0-9_]*")) {
      eval("help(" + name + ")", false);
      return;
    }
    String close = session.engine().closestName(name);
    fail(1, "no function or namespace named '" + name + "'" + (close == null ? "" : "; did you mean '" + close + "'?"));
  }

  private void load(String file) {
    if (file.isEmpty()) {
      fail(2, ":load needs a file name");
      return;
    }
    Path p = Path.of(file.startsWith("\"") && file.endsWith("\"") && file.length() > 1
        ? file.substring(1, file.length() - 1) : file);
    Source src;
    try {
      src = Source.fromFile(p);
    } catch (NoSuchFileException e) {
      fail(2, "no such file: " + p);
      return;
    } catch (IOException e) {
      fail(2, "cannot read " + p + ": " + e.getMessage());
      return;
    }
    run(src, false);
  }

  /** The whole text given piece by piece so far (null when none was). */
  private Source whole() {
    return wholeName == null ? null : new Source(wholeName, wholeText.toString());
  }

  private void eval(String code, boolean timed) {
    run(new Source("<input-" + (++inputs) + ">", code), timed);
  }

  private void run(Source src, boolean timed) {
    long t0 = System.nanoTime();
    try {
      Value v = session.eval(src);
      out.flush();
      if (!v.isNone()) {
        session.set("_", v);   // the last value shown, as in Python's REPL
        out.println(new Preview(width.getAsInt()).show(v));
      }
      if (timed) {
        out.println("time: " + formatSeconds((System.nanoTime() - t0) / 1e9));
      }
    } catch (ExpSyntaxException e) {
      fail(2, e.getMessage());
    } catch (ExpInterruptedException e) {
      beforeError.accept(e);
      fail(EXIT_INTERRUPTED, "interrupted" + where(e));
    } catch (ExpLimitException e) {
      beforeError.accept(e);
      fail(EXIT_LIMIT, e.render(whole()));
    } catch (ExpRuntimeException e) {
      beforeError.accept(e);
      fail(1, e.render(whole()));
    }
    out.flush();
  }

  private static String where(ExpRuntimeException e) {
    return e.scriptStack().isEmpty() ? "" : " " + e.scriptStack().get(0).toString().strip();
  }

  static String formatSeconds(double s) {
    if (s < 1e-3) {
      return String.format(java.util.Locale.ROOT, "%.1f µs", s * 1e6);
    }
    if (s < 1) {
      return String.format(java.util.Locale.ROOT, "%.2f ms", s * 1e3);
    }
    return String.format(java.util.Locale.ROOT, "%.3f s", s);
  }

  private void fail(int code, String message) {
    out.flush();
    err.println(message);
    err.flush();
    status = Math.max(status, code);
  }
}
