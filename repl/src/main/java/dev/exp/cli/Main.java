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
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

/** The {@code exp} command: run a script, evaluate code, show help, or start the REPL. */
@Command(name = "exp", mixinStandardHelpOptions = false, sortOptions = false,
    description = "Exp: a small experiment language for the JVM.",
    footer = {"", "Usage:", "  exp FILE [ARGS...]     run a script (it sees ARGS as `args`)",
        "  exp -e CODE            evaluate code and print the value of the last expression",
        "  exp help [NAME]        signature and documentation (e.g. exp help linalg.svd)",
        "  exp                    start the interactive REPL",
        "", "Exit codes: 0 ok, 1 runtime error, 2 syntax or usage error, 3 a limit was hit (--timeout,",
        "--max-steps, call depth), 130 interrupted (Ctrl-C)."})
public final class Main implements Callable<Integer> {
  public static final String VERSION = "0.1.0";

  /** Exit code when a limit stopped the script (--timeout, --max-steps, call depth). */
  public static final int EXIT_LIMIT = 3;

  /** Exit code when Ctrl-C (or a cancel) stopped the script, as shells report SIGINT. */
  public static final int EXIT_INTERRUPTED = 130;

  @Option(names = {"-e", "--eval"}, paramLabel = "CODE", description = "Evaluate CODE and print the last value.")
  String code;

  @Option(names = "--max-steps", paramLabel = "N", description = "Stop after N steps (calls and loop iterations).")
  Long maxSteps;

  @Option(names = "--timeout", paramLabel = "SECONDS", description = "Stop after this much wall-clock time.")
  Double timeout;

  @Option(names = "--allow-dir", paramLabel = "DIR",
      description = "Let the script read and write files under DIR too (besides the working folder and the script's folder).")
  List<Path> allowDirs = new ArrayList<>();

  @Option(names = "--jobs", paramLabel = "N", description = "Parallel trials for experiments (default: cores).")
  Integer jobs;

  @Option(names = "--seed", paramLabel = "N", description = "Seed of the session's random stream (default 0).")
  long seed;

  @Option(names = "--debug", description = "Show Java stack traces of internal errors.")
  boolean debug;

  @Option(names = {"-V", "--version"}, description = "Print the version and exit.")
  boolean version;

  @Option(names = {"-h", "--help"}, description = "Show this help and exit.")
  boolean usageHelp;

  @Parameters(paramLabel = "FILE [ARGS]", description = "Script to run, then its arguments.")
  List<String> positional = new ArrayList<>();

  private final PrintWriter out = new PrintWriter(new BufferedWriter(new OutputStreamWriter(System.out, StandardCharsets.UTF_8), 1 << 16));
  private final PrintWriter err = new PrintWriter(new OutputStreamWriter(System.err, StandardCharsets.UTF_8), true);

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

  /** Runs the command line; returns the exit code. */
  public static int run(String[] args) {
    Main m = new Main();
    CommandLine cl = new CommandLine(m);
    cl.setStopAtPositional(true);
    cl.setUnmatchedOptionsArePositionalParams(false);
    cl.setParameterExceptionHandler((ex, a) -> {
      m.err.println("exp: " + ex.getMessage());
      m.err.println("Try 'exp --help'.");
      return 2;
    });
    cl.setExecutionExceptionHandler((ex, c, p) -> {
      m.err.println("exp: internal error: " + ex);
      if (m.debug) {
        ex.printStackTrace(m.err);
      }
      return 1;
    });
    return cl.execute(args);
  }

  @Override
  public Integer call() {
    try {
      if (usageHelp) {
        new CommandLine(this).usage(out);
        return 0;
      }
      if (version) {
        out.println("exp " + VERSION + " (Java " + Runtime.version() + ")");
        out.println("BLAS: " + Engine.blasBackend());
        return 0;
      }
      if (jobs != null && jobs < 1) {
        err.println("exp: --jobs must be at least 1");
        return 2;
      }
      Engine engine = engine();
      if (code != null) {
        return evalCode(engine, code);
      }
      if (!positional.isEmpty() && positional.get(0).equals("help")) {
        return help(engine, positional.size() > 1 ? positional.get(1) : null);
      }
      if (positional.isEmpty()) {
        return repl(engine);
      }
      return runFile(engine, Path.of(positional.get(0)), positional.subList(1, positional.size()));
    } finally {
      out.flush();
      err.flush();
    }
  }

  private Engine engine() {
    Limits limits = Limits.DEFAULT;
    if (maxSteps != null) {
      limits = limits.withMaxSteps(maxSteps);
    }
    if (timeout != null) {
      limits = limits.withTimeout(java.time.Duration.ofMillis((long) (timeout * 1000)));
    }
    Engine.Builder b = Engine.builder().limits(limits).seed(seed).output(out::println)
        .grant(Capability.FILE_READ, Capability.FILE_WRITE, Capability.ENV, Capability.JAVASCRIPT);
    // files: the working folder (the base directory) and the script's folder
    if (!positional.isEmpty()) {
      Path parent = Path.of(positional.get(0)).toAbsolutePath().getParent();
      if (parent != null) {
        b.fileRoot(parent);
      }
    }
    allowDirs.forEach(b::fileRoot);
    return b.build();
  }

  private int evalCode(Engine engine, String text) {
    try (Session s = engine.newSession(); CtrlC c = CtrlC.cancels(s)) {
      s.set("args", positional);
      configure(s);
      Value v = s.eval(new Source("<-e>", text));
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

  private int runFile(Engine engine, Path file, List<String> args) {
    Source src;
    try {
      src = Source.fromFile(file);
    } catch (NoSuchFileException e) {
      err.println("exp: no such file: " + file);
      return 2;
    } catch (IOException e) {
      err.println("exp: cannot read " + file + ": " + e.getMessage());
      return 2;
    }
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
              "Exp " + VERSION + "  (:help for help, Ctrl-D to quit)");
        } catch (IOException e) {
          err.println("exp: cannot open the terminal (" + e.getMessage() + "); reading plain input");
        }
      }
      return dev.exp.repl.StreamRepl.run(new dev.exp.repl.Commands(s, out, err, () -> 100), System.in, err);
    }
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
    s.progress(new ConsoleProgress(err, interactive()));
    if (jobs != null) {
      s.jobs(jobs);
    }
  }

  int report(ExpSyntaxException e) {
    out.flush();
    err.println(e.getMessage());
    return 2;
  }

  int report(ExpRuntimeException e) {
    out.flush();
    err.println(e.render());
    if (debug && e.getCause() != null) {
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
      err.println("exp help: no function or namespace named '" + name + "'");
      return 2;
    }
    out.println(text);
    return 0;
  }

  static boolean exists(Path p) {
    return Files.exists(p);
  }
}
