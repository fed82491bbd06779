package dev.exp.arch;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
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

  @Test
  void replUsesThePublicApiAndAKnownFewInternals() throws IOException {
    Path repl = Path.of("../repl/src/main/java");
    assertTrue(Files.isDirectory(repl), "run from the interpreter module: " + repl.toAbsolutePath());
    Pattern imp = Pattern.compile("^import (dev\\.exp\\.[a-z0-9]+\\.[A-Za-z.]+);");
    Set<String> internal = new TreeSet<>();
    try (Stream<Path> files = Files.walk(repl)) {
      for (Path p : (Iterable<Path>) files.filter(f -> f.toString().endsWith(".java"))::iterator) {
        for (String line : Files.readAllLines(p)) {
          Matcher m = imp.matcher(line.strip());
          if (m.find() && !m.group(1).startsWith("dev.exp.api.") && !m.group(1).startsWith("dev.exp.repl.")
              && !m.group(1).startsWith("dev.exp.cli.")) {
            internal.add(m.group(1));
          }
        }
      }
    }
    // still to route through the api (issue 10): value printing, the progress listener, the lexer for
    // completion, the kernel annotation for help, tensors for previews
    assertEquals(Set.of("dev.exp.eval.ExperimentProgress", "dev.exp.eval.Printer", "dev.exp.grammar.ExpLexer",
        "dev.exp.kernel.Kernel", "dev.exp.tensor.Tensor"), internal);
  }
}
