package dev.exp.arch;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;

/**
 * Packages follow the data flow: {@code syntax} below {@code eval} below {@code api}, and the REPL
 * only through {@code api}. The language core names no facade type at all, not even in comments:
 * source text, problems, stack frames and limit kinds have core types of their own ({@code
 * syntax.SourceText}, {@code syntax.Problem}, {@code syntax.CompileError}, {@code eval.ScriptFrame},
 * {@code eval.Limit}, {@code kernel.Need}) that {@code api} turns into its public ones.
 */
class PackageBoundariesTest {
  private static final Path MAIN = Path.of("src/main/java/dev/exp");

  /** Every {@code dev.exp.<pkg>} named anywhere in the files under {@code dir}. */
  private static Set<String> packagesNamedIn(Path dir) throws IOException {
    Pattern named = Pattern.compile("\\bdev\\.exp\\.([a-z0-9]+)\\b");
    Set<String> used = new TreeSet<>();
    try (Stream<Path> files = Files.walk(dir)) {
      for (Path p : (Iterable<Path>) files.filter(f -> f.toString().endsWith(".java"))::iterator) {
        Matcher m = named.matcher(Files.readString(p));
        while (m.find()) {
          used.add(m.group(1));
        }
      }
    }
    return used;
  }

  @Test
  void syntaxNamesNeitherEvalNorApi() throws IOException {
    Set<String> used = packagesNamedIn(MAIN.resolve("syntax"));
    assertTrue(!used.contains("eval") && !used.contains("api"), "syntax names " + used);
  }

  @Test
  void evalNamesNoApi() throws IOException {
    Set<String> used = packagesNamedIn(MAIN.resolve("eval"));
    assertTrue(!used.contains("api"), "eval names " + used);
  }

  /**
   * The evaluator is split by concept and layered without cycles: {@code runtime} (values, context,
   * errors, signatures) below {@code nodes} (the executable tree, frames, closures) below
   * {@code builtins} and {@code experiment}, below {@code compile} (resolver and code generator),
   * below {@code eval.Interpreter}.
   */
  @Test
  void evalIsLayeredByConcept() throws IOException {
    Map<String, Set<String>> allowed = Map.of(
        "runtime", Set.of(),
        "nodes", Set.of("runtime"),
        "builtins", Set.of("runtime", "nodes"),
        "experiment", Set.of("runtime", "nodes", "builtins"),
        "compile", Set.of("runtime", "nodes", "experiment"));
    Pattern sub = Pattern.compile("\\bdev\\.exp\\.eval\\.(?:([a-z]+)\\.)?[A-Z]");
    for (Map.Entry<String, Set<String>> e : allowed.entrySet()) {
      Set<String> used = new TreeSet<>();
      try (Stream<Path> files = Files.list(MAIN.resolve("eval").resolve(e.getKey()))) {
        for (Path f : (Iterable<Path>) files::iterator) {
          Matcher m = sub.matcher(Files.readString(f));
          while (m.find()) {
            used.add(m.group(1) == null ? "eval" : m.group(1));
          }
        }
      }
      used.remove(e.getKey());
      used.removeAll(e.getValue());
      assertEquals(Set.of(), used, "eval." + e.getKey() + " depends on packages above it");
    }
  }

  private static final Pattern QUALIFIED = Pattern.compile("\\bdev\\.exp\\.[A-Za-z0-9_.]*[A-Za-z0-9_]");

  /** The dev.exp names in a line of code outside api, repl and cli (none for comment and package lines). */
  private static List<String> internalNames(String line) {
    String code = line.strip();
    if (code.startsWith("*") || code.startsWith("/*") || code.startsWith("//") || code.startsWith("package ")) {
      return List.of();
    }
    int comment = code.indexOf("//");
    Matcher m = QUALIFIED.matcher(comment < 0 ? code : code.substring(0, comment));
    List<String> out = new java.util.ArrayList<>();
    while (m.find()) {
      String n = m.group();
      if (!n.startsWith("dev.exp.api.") && !n.startsWith("dev.exp.repl.") && !n.startsWith("dev.exp.cli.")) {
        out.add(n);
      }
    }
    return out;
  }

  /**
   * Issue 10: the REPL and the CLI (main and test code) are clients of the embedding API like any
   * other host. Any {@code dev.exp.} name outside {@code dev.exp.api}, {@code dev.exp.repl} and
   * {@code dev.exp.cli} fails: imports, static imports and names written inline in code ({@code
   * dev.exp.tensor.Tensor.vector(...)}, {@code dev.exp.Stdlib}); comments may name anything.
   */
  @Test
  void replUsesOnlyThePublicApi() throws IOException {
    // the scan itself: it sees imports, static imports and inline names, and passes api names and comments
    assertEquals(List.of("dev.exp.eval.runtime.Printer"), internalNames("import dev.exp.eval.runtime.Printer;"));
    assertEquals(List.of("dev.exp.tensor.Tensor.vector"), internalNames("import static dev.exp.tensor.Tensor.vector;"));
    assertEquals(List.of("dev.exp.Stdlib.kernelClasses", "dev.exp.tensor.blas.Blas.describe"),
        internalNames("for (var c : dev.exp.Stdlib.kernelClasses()) f(dev.exp.tensor.blas.Blas.describe());"));
    assertEquals(List.of(), internalNames("dev.exp.api.Value v = dev.exp.repl.Preview.of(x); // dev.exp.eval.X"));
    assertEquals(List.of(), internalNames(" * {@link dev.exp.eval.runtime.Printer}"));
    Set<String> internal = new TreeSet<>();
    for (String tree : new String[] {"../repl/src/main/java", "../repl/src/test/java"}) {
      Path dir = Path.of(tree);
      assertTrue(Files.isDirectory(dir), "run from the interpreter module: " + dir.toAbsolutePath());
      try (Stream<Path> files = Files.walk(dir)) {
        for (Path p : (Iterable<Path>) files.filter(f -> f.toString().endsWith(".java"))::iterator) {
          for (String line : Files.readAllLines(p)) {
            for (String n : internalNames(line)) {
              internal.add(p.getFileName() + ": " + n);
            }
          }
        }
      }
    }
    assertEquals(Set.of(), internal, "the repl module reaches past dev.exp.api");
  }
}
