package dev.exp.script;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.TestFactory;

/**
 * The language's spec as scripts. Every {@code scripts/*.exp} must run without error (its
 * assertions hold) and, when a {@code .out} file sits beside it, print exactly that. Every
 * {@code errors/*.exp} must fail with exactly the text of its {@code .err} file. Every
 * {@code examples/*.exp} of the repository runs too, with its {@code .out} when present. A passing
 * script warns exactly the text of its {@code .warn} file, or not at all when there is none.
 */
class ScriptTests {
  static final Path RESOURCES = Path.of("src/test/resources");
  static final Path EXAMPLES = Path.of("../examples");

  @TestFactory
  Stream<DynamicTest> scripts() throws IOException {
    return passing(RESOURCES.resolve("scripts"));
  }

  @TestFactory
  Stream<DynamicTest> examples() throws IOException {
    return passing(EXAMPLES);
  }

  @TestFactory
  Stream<DynamicTest> errors() throws IOException {
    return files(RESOURCES.resolve("errors")).stream().map(f -> DynamicTest.dynamicTest(f.getFileName().toString(), () -> {
      ScriptRunner.Result r = ScriptRunner.run(f);
      assertNotNull(r.error(), "expected " + f + " to fail");
      Path err = sibling(f, ".err");
      if (Files.exists(err)) {
        assertEquals(Files.readString(err).strip(), r.error().strip(), "error text of " + f);
      }
      Path out = sibling(f, ".out");
      if (Files.exists(out)) {
        assertEquals(Files.readString(out), r.output(), "output of " + f);
      }
    }));
  }

  private static Stream<DynamicTest> passing(Path dir) throws IOException {
    return files(dir).stream().map(f -> DynamicTest.dynamicTest(f.getFileName().toString(), () -> {
      ScriptRunner.Result r = ScriptRunner.run(f);
      assertNull(r.error(), () -> f + " failed:\n" + r.error() + "\noutput:\n" + r.output());
      Path out = sibling(f, ".out");
      if (Files.exists(out)) {
        assertEquals(Files.readString(out), r.output(), "output of " + f);
      }
      Path warn = sibling(f, ".warn");
      assertEquals(Files.exists(warn) ? Files.readString(warn) : "", r.warnings(), "warnings of " + f);
    }));
  }

  static List<Path> files(Path dir) throws IOException {
    try (Stream<Path> s = Files.list(dir)) {
      return s.filter(p -> p.toString().endsWith(".exp")).sorted().collect(Collectors.toList());
    }
  }

  static Path sibling(Path f, String ext) {
    String n = f.getFileName().toString();
    return f.resolveSibling(n.substring(0, n.length() - 4) + ext);
  }
}
