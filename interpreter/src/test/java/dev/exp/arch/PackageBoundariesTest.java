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
 * The language core ({@code syntax}, {@code eval}) must not depend on the embedding facade
 * ({@code api}). Issue 10 asks for no {@code api} import at all; what still crosses is the shared
 * vocabulary listed here (source text, diagnostics, stack frames, limit kinds, capabilities), which
 * is to move to a package below both. This test keeps the list from growing and the facade itself
 * (Engine, Session, Value, Script, ...) out of the core.
 */
class PackageBoundariesTest {
  private static final Pattern API = Pattern.compile("dev\\.exp\\.api\\.([A-Z][A-Za-z]*)");
  /** The api types the core still uses (to move to a shared package; see docs/architecture.md). */
  private static final Set<String> VOCABULARY = Set.of("Source", "Diagnostic", "ExpSyntaxException", "StackFrame",
      "ExpLimitException", "Capability");

  private static Set<String> apiTypesUsedIn(Path dir) throws IOException {
    Set<String> used = new TreeSet<>();
    try (Stream<Path> files = Files.walk(dir)) {
      for (Path p : (Iterable<Path>) files.filter(f -> f.toString().endsWith(".java"))::iterator) {
        for (String line : Files.readAllLines(p)) {
          String code = line.strip();
          if (code.startsWith("*") || code.startsWith("/**") || code.startsWith("//")) {
            continue; // documentation may name api types
          }
          Matcher m = API.matcher(code);
          while (m.find()) {
            used.add(m.group(1));
          }
        }
      }
    }
    return used;
  }

  @Test
  void syntaxAndEvalUseNoFacadeTypes() throws IOException {
    Path main = Path.of("src/main/java/dev/exp");
    for (String pkg : new String[] {"syntax", "eval"}) {
      Set<String> used = apiTypesUsedIn(main.resolve(pkg));
      Set<String> extra = new TreeSet<>(used);
      extra.removeAll(VOCABULARY);
      assertEquals(Set.of(), extra, pkg + " uses api types beyond the shared vocabulary");
    }
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
