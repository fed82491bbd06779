package dev.exp.cli;

import dev.exp.api.Capability;
import dev.exp.api.Engine;
import dev.exp.api.ExpRuntimeException;
import dev.exp.api.ExpSyntaxException;
import dev.exp.api.Limits;
import dev.exp.api.Session;
import dev.exp.api.Source;
import dev.exp.api.Value;
import java.io.BufferedWriter;
import java.io.IOException;
import java.io.OutputStreamWriter;
import java.io.PrintWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.List;

/** The {@code exp} command: run a script, evaluate code, show help, or start the REPL. */
public final class Main {
  public static final String VERSION = "0.1.0";

  /** Exit code when a limit stopped the script (--timeout, --max-steps, call depth). */
  public static final int EXIT_LIMIT = 3;

  /** Exit code when Ctrl-C (or a cancel) stopped the script, as shells report SIGINT. */
  public static final int EXIT_INTERRUPTED = 130;

  private final Options o;

  private final PrintWriter out = new PrintWriter(new BufferedWriter(new OutputStreamWriter(System.out, StandardCharsets.UTF_8), 1 << 16));
  private final PrintWriter err = new PrintWriter(new OutputStreamWriter(System.err, StandardCharsets.UTF_8), true);

  /** Experiment progress; the program's output clears its live line first. */
  private final ConsoleProgress progress = new ConsoleProgress(err, interactive(), out);

  public static void main(String[] args) {
    int[] code = {0};
    Thread t = new Thread(null, () -> code[0] = run(args), "exp-main", 1L << 29);
    t.start();
    try {
      t.join();
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    }
    System.exit(code[0]);
  }

  private Main(Options o) {
    this.o = o;
  }

  /** Runs the command line; returns the exit code. */
  public static int run(String[] args) {
    Options o;
    try {
      o = Options.parse(args);
    } catch (Options.UsageError e) {
      PrintWriter err = new PrintWriter(new OutputStreamWriter(System.err, StandardCharsets.UTF_8), true);
      err.println("exp: " + e.getMessage());
      err.println("Try 'exp --help'.");
      return 2;
    }
    Main m = new Main(o);
    try {
      return m.call();
    } catch (RuntimeException | Error ex) {
      m.err.println("exp: internal error: " + ex);
      if (o.debug) {
        ex.printStackTrace(m.err);
      }
      return 1;
    }
  }

  private int call() {
    try {
      if (o.help) {
        out.println(Options.HELP);
        return 0;
      }
      if (o.version) {
        out.println("exp " + VERSION + " (Java " + Runtime.version() + ")");
        out.println("BLAS: " + Engine.blasBackend());
        return 0;
      }
      if (o.jobs != null && o.jobs < 1) {
        err.println("exp: --jobs must be at least 1");
        return 2;
      }
      List<String> positional = o.positional;
      if (o.code != null) {
        Source src = new Source("<-e>", o.code).parseAhead();   // parsed while the engine is built
        return evalCode(engine(), src);
      }
      if (!positional.isEmpty() && positional.get(0).equals("help")) {
        return help(engine(), positional.size() > 1 ? positional.get(1) : null);
      }
      if (positional.isEmpty()) {
        return repl(engine());
      }
      if (positional.get(0).equals("-")) {   // the program on standard input, read as a piped REPL reads it
        try (Session s = engine().newSession()) {
          s.set("args", positional.subList(1, positional.size()));
          configure(s);
          return dev.exp.repl.StreamRepl.run(commands(s), System.in, err);
        }
      }
      Path file = Path.of(positional.get(0));
      Source src;
      try {
        src = Source.fromFile(file).parseAhead();
      } catch (NoSuchFileException e) {
        err.println("exp: no such file: " + file);
        return 2;
      } catch (IOException e) {
        err.println("exp: cannot read " + file + ": " + e.getMessage());
        return 2;
      }
      return runFile(engine(), src, positional.subList(1, positional.size()));
    } finally {
      out.flush();
      err.flush();
    }
  }

  private Engine engine() {
    Limits limits = Limits.DEFAULT;
    if (o.maxSteps != null) {
      limits = limits.withMaxSteps(o.maxSteps);
    }
    if (o.maxDepth != null) {
      limits = limits.withMaxCallDepth(o.maxDepth);
    }
    if (o.timeout != null) {
      // at least a nanosecond (0.0009 s is 0 ms); at most 1e18 ns (31 years), as good as none
      limits = limits.withTimeout(java.time.Duration.ofNanos(Math.max(1, (long) Math.min(o.timeout * 1e9, 1e18))));
    }
    Engine.Builder b = Engine.builder().limits(limits).seed(o.seed).output(this::print).warnings(this::warn)
        .grant(Capability.FILE_READ, Capability.FILE_WRITE, Capability.ENV, Capability.JAVASCRIPT);
    // files: the working folder (the base directory) and the script's folder
    if (o.code == null && !o.positional.isEmpty()) {
      Path parent = Path.of(o.positional.get(0)).toAbsolutePath().getParent();
      if (parent != null) {
        b.fileRoot(parent);
      }
    }
    o.allowDirs.forEach(b::fileRoot);
    return b.build();
  }

  /** A line of the program's output; shown at once when it replaced the live progress line. */
  private void print(String line) {
    boolean live = progress.clearLine();
    out.println(line);
    if (live) {
      out.flush();
    }
  }

  /** A warning, on stderr after the output printed so far (which is buffered), as its own lines. */
  private void warn(String text) {
    progress.clearLine();
    out.flush();
    err.println(text);
  }

  private int evalCode(Engine engine, Source src) {
    try (Session s = engine.newSession(); CtrlC c = CtrlC.cancels(s)) {
      s.set("args", o.positional);
      configure(s);
      Value v = s.eval(src);
      if (!v.isNone()) {
        out.println(v.repr());
      }
      return 0;
    } catch (ExpSyntaxException e) {
      return report(e);
    } catch (ExpRuntimeException e) {
      return report(e);
    }
  }

  private int runFile(Engine engine, Source src, List<String> args) {
    try (Session s = engine.newSession(); CtrlC c = CtrlC.cancels(s)) {
      s.set("args", args);
      configure(s);
      s.eval(src);
      return 0;
    } catch (ExpSyntaxException e) {
      return report(e);
    } catch (ExpRuntimeException e) {
      return report(e);
    }
  }

  private int repl(Engine engine) {
    try (Session s = engine.newSession()) {
      configure(s);
      if (interactive()) {
        try (org.jline.terminal.Terminal t = org.jline.terminal.TerminalBuilder.builder().system(true).build()) {
          return dev.exp.repl.TerminalRepl.run(t, s, dev.exp.repl.TerminalRepl.defaultHistory(),
              "Exp " + VERSION + "  (:help for help, Ctrl-D to quit)", this::stopped, progress::clearLine);
        } catch (IOException e) {
          err.println("exp: cannot open the terminal (" + e.getMessage() + "); reading plain input");
        }
      }
      return dev.exp.repl.StreamRepl.run(commands(s), System.in, err);
    }
  }

  /** The REPL's commands over the plain streams. */
  private dev.exp.repl.Commands commands(Session s) {
    return new dev.exp.repl.Commands(s, out, err, () -> 100).beforeError(this::stopped);
  }

  /** An evaluation failed: the experiment running, if any, says how far it got. */
  private void stopped(ExpRuntimeException e) {
    progress.stopped(e instanceof dev.exp.api.ExpInterruptedException);
  }

  /** True when stdin and stdout are a terminal (Console.isTerminal on JDK 22+, where console() is never null). */
  static boolean interactive() {
    java.io.Console c = System.console();
    if (c == null) {
      return false;
    }
    try {
      return (Boolean) java.io.Console.class.getMethod("isTerminal").invoke(c);
    } catch (ReflectiveOperationException e) {
      return true;
    }
  }

  /** Experiment progress on stderr and the --jobs setting. */
  void configure(Session s) {
    s.progress(progress);
    if (o.jobs != null) {
      s.jobs(o.jobs);
    }
  }

  int report(ExpSyntaxException e) {
    out.flush();
    err.println(e.getMessage());
    return 2;
  }

  int report(ExpRuntimeException e) {
    out.flush();
    stopped(e);
    err.println(e.render());
    if (o.debug && e.getCause() != null) {
      e.getCause().printStackTrace(err);
    }
    if (e instanceof dev.exp.api.ExpInterruptedException) {
      return EXIT_INTERRUPTED;
    }
    return e instanceof dev.exp.api.ExpLimitException ? EXIT_LIMIT : 1;
  }

  private int help(Engine engine, String name) {
    if (name == null) {
      try (Session s = engine.newSession()) {
        s.output(out::println).eval("help()");
        out.println("Globals: " + String.join(", ", engine.globalFunctionNames()));
      }
      return 0;
    }
    String text = engine.help(name);
    if (text == null) {
      String close = engine.closestName(name);
      err.println("exp help: no function or namespace named '" + name + "'" + (close == null ? "" : "; did you mean '" + close + "'?"));
      return 2;
    }
    out.println(text);
    return 0;
  }

  static boolean exists(Path p) {
    return Files.exists(p);
  }
}
