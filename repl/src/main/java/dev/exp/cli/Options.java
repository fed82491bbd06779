package dev.exp.cli;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/**
 * The command line of {@code exp}: options up to the first positional argument (the script, whose
 * own arguments follow it untouched), as {@code --name VALUE} or {@code --name=VALUE}; a leading
 * {@code run} is the optional subcommand ({@code exp run --jobs 2 f.exp}). Parsed by
 * hand: a CLI library cost more start-up than the rest of {@code exp -e 1} (see the README).
 */
final class Options {
  String code;
  Long maxSteps;
  Integer maxDepth;
  Double timeout;
  final List<Path> allowDirs = new ArrayList<>();
  Integer jobs;
  long seed;
  boolean debug;
  boolean version;
  boolean help;
  /** The script and its arguments (or {@code help NAME}), or the arguments of {@code -e CODE}. */
  final List<String> positional = new ArrayList<>();

  /** A command line that cannot be parsed; the message says why. */
  static final class UsageError extends Exception {
    private static final long serialVersionUID = 1L;

    UsageError(String message) {
      super(message, null, false, false);
    }
  }

  static final String HELP = String.join("\n",
      "Exp: a small experiment language for the JVM.",
      "",
      "Usage:",
      "  exp [OPTIONS] FILE [ARGS...]   run a script (it sees ARGS as `args`); also",
      "  exp run [OPTIONS] FILE [ARGS...]  (a file named run: exp ./run)",
      "  exp [OPTIONS] -e CODE          evaluate code and print the value of the last expression",
      "  exp help [NAME]                signature and documentation (e.g. exp help linalg.svd)",
      "  exp [OPTIONS]                  start the interactive REPL (input from a pipe: run it,",
      "                                 echoing values; exp - reads standard input so too)",
      "",
      "Options:",
      "  -e, --eval CODE         Evaluate CODE and print the last value.",
      "      --max-steps N       Stop after N steps (calls and loop iterations).",
      "      --max-depth N       Allow N nested calls (default 2000; deeper is an error).",
      "      --timeout SECONDS   Stop after this much wall-clock time.",
      "      --allow-dir DIR     Let the script read and write files under DIR too (besides the",
      "                          working folder and the script's folder); may be repeated.",
      "      --jobs N            Parallel trials for experiments (default: cores).",
      "      --seed N            Seed of the session's random stream (default 0); experiment trials",
      "                          draw from their own streams, which it does not change.",
      "      --debug             Show Java stack traces of internal errors.",
      "  -V, --version           Print the version and exit.",
      "  -h, --help              Show this help and exit.",
      "",
      "Exit codes: 0 ok, 1 runtime error, 2 syntax or usage error, 3 a limit was hit (--timeout,",
      "--max-steps, --max-depth), 130 interrupted (Ctrl-C), 143 terminated (kill -TERM; what a",
      "script should send: background jobs of a non-interactive shell ignore SIGINT).");

  static Options parse(String[] args) throws UsageError {
    Options o = new Options();
    boolean run = false;
    int i = 0;
    for (; i < args.length; i++) {
      String a = args[i];
      if (a.equals("--")) {
        i++;
        break;
      }
      if (a.equals("run") && !run && o.code == null) {
        run = true;   // exp run [OPTIONS] FILE: the same as exp [OPTIONS] FILE
        continue;
      }
      if (!a.startsWith("-") || a.equals("-")) {
        break;   // the script: everything from here on is its own
      }
      String name = a;
      String inline = null;
      int eq = a.indexOf('=');
      if (a.startsWith("--") && eq > 0) {
        name = a.substring(0, eq);
        inline = a.substring(eq + 1);
      } else if (a.startsWith("-e") && a.length() > 2 && !a.startsWith("--")) {
        name = "-e";
        inline = a.charAt(2) == '=' ? a.substring(3) : a.substring(2);
      }
      switch (name) {
        case "-h", "--help" -> o.help = flag(name, inline);
        case "-V", "--version" -> o.version = flag(name, inline);
        case "--debug" -> o.debug = flag(name, inline);
        default -> {
          String label = switch (name) {
            case "-e", "--eval" -> "CODE";
            case "--max-steps", "--max-depth", "--jobs", "--seed" -> "N";
            case "--timeout" -> "SECONDS";
            case "--allow-dir" -> "DIR";
            default -> throw new UsageError("Unknown option: '" + name + "'");
          };
          String v = inline;
          if (v == null) {
            if (i + 1 >= args.length) {
              throw new UsageError("Missing value for option '" + name + "' (" + label + ")");
            }
            v = args[++i];
          }
          o.set(name, label, v);
        }
      }
    }
    for (; i < args.length; i++) {
      o.positional.add(args[i]);
    }
    if (run && (o.positional.isEmpty() || o.code != null)) {
      throw new UsageError(o.code != null ? "'exp run' runs a script file, not -e CODE" : "'exp run' needs a script to run");
    }
    return o;
  }

  private static boolean flag(String name, String inline) throws UsageError {
    if (inline != null) {
      throw new UsageError("Option '" + name + "' takes no value");
    }
    return true;
  }

  private void set(String name, String label, String v) throws UsageError {
    switch (name) {
      case "-e", "--eval" -> code = v;
      case "--max-steps" -> {
        maxSteps = integer(name, v);
        if (maxSteps < 1) {
          throw new UsageError("Invalid value for option '" + name + "': " + v + " (at least 1)");
        }
      }
      case "--max-depth" -> {
        long d = integer(name, v);
        if (d < 1 || d > 1_000_000) {
          throw new UsageError("Invalid value for option '" + name + "': " + v + " (from 1 to 1000000)");
        }
        maxDepth = (int) d;
      }
      case "--jobs" -> jobs = (int) Math.min(Integer.MAX_VALUE, integer(name, v));
      case "--seed" -> seed = integer(name, v);
      case "--timeout" -> {
        try {
          timeout = Double.parseDouble(v);
        } catch (NumberFormatException e) {
          throw new UsageError("Invalid value for option '" + name + "': '" + v + "' is not a number of " + label.toLowerCase());
        }
        if (!(timeout > 0) || timeout.isInfinite()) {
          throw new UsageError("Invalid value for option '" + name + "': " + v + " (a positive number of seconds)");
        }
      }
      case "--allow-dir" -> allowDirs.add(Path.of(v));
      default -> throw new IllegalStateException(name);
    }
  }

  private static long integer(String name, String v) throws UsageError {
    try {
      return Long.parseLong(v);
    } catch (NumberFormatException e) {
      throw new UsageError("Invalid value for option '" + name + "': '" + v + "' is not an integer");
    }
  }
}
