package dev.exp.fuzz;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.SplittableRandom;
import java.util.stream.Stream;

/**
 * A seeded generator of hostile inputs: mutations of the example and test scripts, token soup,
 * the extreme cases that once escaped as Java exceptions (deep nesting, doubling loops, huge
 * counts and widths), and kernels called with bad arguments. The same seed gives the same inputs.
 */
public final class FuzzInputs {
  private static final String[] TOKENS = {
    "let", "var", "fn", "if", "else", "for", "in", "while", "return", "break", "continue", "experiment",
    "sweep", "repeat", "report", "import", "true", "false", "none", "and", "or", "not", "(", ")", "[", "]",
    "{", "}", ",", ":", ";", ".", "..", "..=", "=", "+=", "-=", "*=", "/=", "==", "!=", "<", "<=", ">",
    ">=", "+", "-", "*", "/", "%", "^", "@", "|>", "=>", "\n", "x", "y", "f", "t", "0", "1", "2.5",
    "-1", "1e308", "1e-308", "nan", "inf", "2147483648", "\"s\"", "\"{x}\"", "r\"raw\"", "zeros", "ones",
    "randn", "linalg.solve", "attention.softmax", "sum", "len", "print", "range", "list", "map", "format",
  };

  private static final String[] EXTREMES = {
    "1" + " + 1".repeat(1000),
    "2" + " ^ 2".repeat(400),
    "[".repeat(1000) + "1" + "]".repeat(1000),
    "(".repeat(1000) + "1" + ")".repeat(1000),
    "{".repeat(500) + "1" + "}".repeat(500),
    "-".repeat(2000) + "1",
    "not ".repeat(2000) + "true",
    "var s = \"ab\"\nwhile true { s = s + s }",
    "var l = [1]\nwhile true { l = l + l }",
    "list(0..1e10)",
    "len(list(0..1e10))",
    "format(\"{x:2000000000}\", x: 1)",
    "let x = 1\n\"{x:2000000000}\"",
    "let x = 1.5\n\"{x:.2000000000f}\"",
    "experiment \"r\" { repeat 2147483648\n report v = 1 }",
    "experiment \"j\" (jobs: 100000) { sweep k in 0..100000\n report v = k }",
    "zeros([100000, 100000])",
    "zeros([2147483647, 2147483647])",
    "ones([-1])",
    "range(0, 1e18)",
    "sqrt(none)",
    "linalg.solve(none, none)",
    "attention.softmax(none, none, none)",
    "exp(\"a\")",
    "fn f(n) = f(n + 1)\nf(0)",
    "fn f(n) { return f(n + 1) }\nf(0)",
    "var i = 0\nwhile true { i += 1 }",
    "for i in 0..1e15 { }",
    "let a = randn([1500, 1500], seed: 1)\nwhile true { a @ a }",
    "timeit(fn () { 1 }, n: 1e12)",
    "map(0..1e12, fn (i) { i })",
    "repeat(\"ab\", 2147483648)",
    "\"ab\" * 2147483648",
    "read_text(\"../secret.txt\")",
    "save(zeros([2]), \"../x.csv\")",
    "js(\"1 + 1\")",
    "import \"/etc/passwd\" as p",
  };

  private final SplittableRandom rng;
  private final List<String> corpus;

  public FuzzInputs(long seed, Path repoRoot) {
    this.rng = new SplittableRandom(seed);
    this.corpus = loadCorpus(repoRoot);
  }

  private static List<String> loadCorpus(Path root) {
    List<String> out = new ArrayList<>();
    for (Path dir : List.of(root.resolve("examples"), root.resolve("interpreter/src/test/resources"))) {
      if (!Files.isDirectory(dir)) {
        continue;
      }
      try (Stream<Path> s = Files.walk(dir)) {
        s.filter(p -> p.toString().endsWith(".exp")).sorted().forEach(p -> {
          try {
            out.add(Files.readString(p));
          } catch (IOException e) {
            throw new UncheckedIOException(e);
          }
        });
      } catch (IOException e) {
        throw new UncheckedIOException(e);
      }
    }
    return out;
  }

  /** Number of seed scripts found. */
  public int corpusSize() {
    return corpus.size();
  }

  /** The fixed extreme inputs, each of which once escaped as a Java exception or overran a limit. */
  public static List<String> extremes() {
    return List.of(EXTREMES);
  }

  /** The next generated input. */
  public String next() {
    int kind = rng.nextInt(10);
    if (kind < 5 && !corpus.isEmpty()) {
      return mutate(corpus.get(rng.nextInt(corpus.size())));
    }
    if (kind < 7) {
      return soup();
    }
    if (kind < 8) {
      return EXTREMES[rng.nextInt(EXTREMES.length)];
    }
    return badCall();
  }

  private String soup() {
    int n = 1 + rng.nextInt(40);
    StringBuilder sb = new StringBuilder();
    for (int i = 0; i < n; i++) {
      sb.append(TOKENS[rng.nextInt(TOKENS.length)]).append(rng.nextInt(4) == 0 ? "" : " ");
    }
    return sb.toString();
  }

  private static final String[] KERNELS = {
    "sqrt", "exp", "sum", "mean", "reshape", "zeros", "ones", "randn", "linspace", "stack", "concat", "take",
    "linalg.solve", "linalg.svd", "linalg.inv", "linalg.cholesky", "attention.softmax", "attention.linear",
    "data.markov", "metrics.kl", "stats.ci", "matmul", "transpose", "sort", "argmax", "cumsum", "clip",
    "format", "len", "range", "list", "map", "print", "str", "round",
  };
  private static final String[] ARGS = {
    "none", "\"x\"", "-1", "0", "1e308", "nan", "2147483648", "[]", "[[1, 2], [3]]", "[1, 2, 3]",
    "zeros([0])", "zeros([3, 0])", "eye(3)", "{a: 1}", "fn (x) { x }", "true", "[1, nan]", "0..3",
    "axis: 7", "seed: -5", "n: -1", "shape: [-2, 3]",
  };

  private String badCall() {
    StringBuilder sb = new StringBuilder(KERNELS[rng.nextInt(KERNELS.length)]).append('(');
    int n = rng.nextInt(4);
    for (int i = 0; i < n; i++) {
      if (i > 0) {
        sb.append(", ");
      }
      sb.append(ARGS[rng.nextInt(ARGS.length)]);
    }
    return sb.append(')').toString();
  }

  private String mutate(String src) {
    StringBuilder s = new StringBuilder(src);
    int edits = 1 + rng.nextInt(4);
    for (int e = 0; e < edits && s.length() > 0; e++) {
      int at = rng.nextInt(s.length());
      int len = Math.min(s.length() - at, 1 + rng.nextInt(12));
      switch (rng.nextInt(6)) {
        case 0 -> s.delete(at, at + len);
        case 1 -> s.insert(at, s.substring(at, at + len));
        case 2 -> s.insert(at, TOKENS[rng.nextInt(TOKENS.length)]);
        case 3 -> s.replace(at, at + len, ARGS[rng.nextInt(ARGS.length)]);
        case 4 -> s.setLength(at);
        default -> {
          int j = rng.nextInt(s.length());
          char c = s.charAt(at);
          s.setCharAt(at, s.charAt(j));
          s.setCharAt(j, c);
        }
      }
    }
    return s.toString();
  }
}
