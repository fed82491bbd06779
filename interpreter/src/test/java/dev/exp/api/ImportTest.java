package dev.exp.api;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** {@code import "file" as name}: each file runs once a session, cycles are errors, errors show the imported line. */
class ImportTest {
  @TempDir
  Path dir;

  private Session session(StringBuilder out) {
    Session s = Engine.builder().baseDir(dir).output(line -> out.append(line).append('\n')).build().newSession();
    s.grant(Capability.FILE_READ);
    return s;
  }

  @Test
  void aFileImportedTwiceRunsOnce() throws Exception {
    Files.writeString(dir.resolve("common.exp"), "let scale = 3\nprint(\"loaded\")\nfn helper(x) = x * scale\n");
    StringBuilder out = new StringBuilder();
    try (Session s = session(out)) {
      assertEquals(12.0, s.eval("import \"common.exp\" as m\nimport \"./common.exp\" as n\nm.helper(2) + n.helper(2)").asDouble());
      assertEquals("loaded\n", out.toString(), "one run for both names");
    }
  }

  @Test
  void aModulesExportsKeepTheirValuesWhileItsFunctionsUpdateItsVariables() throws Exception {
    // the module's top level leaves its vars owning what they hold, so its functions' next updates
    // would write in place: the exported members must not see them
    Files.writeString(dir.resolve("counter.exp"), "var counts = {}\ncounts[\"x\"] = 0\nvar grid = zeros([3])\ngrid[1] = 5\n"
        + "var rows = [[\"-\"], [\"-\"]]\nrows[0][0] = \"a\"\n"
        + "fn bump(k) {\n counts[k] = 1\n grid[0] += 1\n rows[1][0] = k\n rows[0][0] = k\n len(counts)\n}\n");
    try (Session s = session(new StringBuilder())) {
      assertEquals(3.0, s.eval("import \"counter.exp\" as m\nm.bump(\"a\")\nm.bump(\"b\")").asDouble());
      assertEquals("{x: 0}", s.eval("m.counts").toString());
      assertEquals("[0, 5, 0]", s.eval("m.grid").toString());
      assertEquals("[[\"a\"], [\"-\"]]", s.eval("m.rows").toString());
    }
  }

  @Test
  void anImportedFileIsReadAsUtf8AsTheMainScriptIs() throws Exception {
    Files.write(dir.resolve("bom.exp"), "\uFEFFlet word = \"café\"\n".getBytes(java.nio.charset.StandardCharsets.UTF_8));
    Files.write(dir.resolve("latin.exp"), "let w = \"café\"\n".getBytes(java.nio.charset.StandardCharsets.ISO_8859_1));
    try (Session s = session(new StringBuilder())) {
      assertEquals("café", s.eval("import \"bom.exp\" as m\nm.word").asString(), "the byte-order mark is dropped");
      ExpRuntimeException e = assertThrows(ExpRuntimeException.class, () -> s.eval("import \"latin.exp\" as l"));
      assertTrue(e.getMessage().startsWith("import: cannot read \"latin.exp\""), e.getMessage());
      assertTrue(e.getMessage().contains("not UTF-8 text: byte 0xe9 at line 1, column 13"), e.getMessage());
    }
  }

  @Test
  void aCycleOfImportsIsAnErrorNamingTheCycle() throws Exception {
    Files.writeString(dir.resolve("a.exp"), "import \"b.exp\" as b\nlet x = 1\n");
    Files.writeString(dir.resolve("b.exp"), "import \"a.exp\" as a\nlet y = 2\n");
    Files.writeString(dir.resolve("me.exp"), "import \"me.exp\" as me\n");
    try (Session s = session(new StringBuilder())) {
      ExpRuntimeException e = assertThrows(ExpRuntimeException.class, () -> s.eval("import \"a.exp\" as a"));
      assertEquals("import cycle: a.exp -> b.exp -> a.exp (a file cannot import itself, directly or through others)", e.getMessage());
      assertEquals(3, e.scriptStack().size(), e.scriptStack().toString());
      assertTrue(e.scriptStack().get(0).file().endsWith("b.exp"));
      ExpRuntimeException self = assertThrows(ExpRuntimeException.class, () -> s.eval("import \"me.exp\" as me"));
      assertTrue(self.getMessage().startsWith("import cycle: me.exp -> me.exp"), self.getMessage());
      // a module that imports the main script back: the cycle starts at the main script, which does not run twice
      Files.writeString(dir.resolve("main.exp"), "import \"lib.exp\" as lib\nprint(\"main ran\")\n");
      Files.writeString(dir.resolve("lib.exp"), "import \"main.exp\" as m\nlet z = 3\n");
      ExpRuntimeException back = assertThrows(ExpRuntimeException.class, () -> s.eval(Source.fromFile(dir.resolve("main.exp"))));
      assertTrue(back.getMessage().startsWith("import cycle: main.exp -> lib.exp -> main.exp"), back.getMessage());
    }
  }

  @Test
  void aSyntaxErrorInAnImportedFileIsASyntaxErrorOfThatFileNamingTheImport() throws Exception {
    Files.writeString(dir.resolve("lib.exp"), "let ok = 1\nfn g(y) = y +\n");
    Files.writeString(dir.resolve("mid.exp"), "import \"lib.exp\" as lib\n");
    StringBuilder out = new StringBuilder();
    try (Session s = session(out)) {
      ExpSyntaxException e = assertThrows(ExpSyntaxException.class,
          () -> s.eval(new Source("main.exp", "print(\"before\")\nimport \"lib.exp\" as lib\nprint(lib.ok)")));
      assertEquals(1, e.diagnostics().size(), e.getMessage());
      Diagnostic d = e.diagnostics().get(0);
      assertTrue(d.file().endsWith("lib.exp"), d.file());
      assertEquals(2, d.line());
      assertEquals("fn g(y) = y +", d.sourceLine());
      assertFalse(e.isIncompleteInput(), "the importing input was whole: a REPL must not wait for more");
      assertTrue(e.getMessage().endsWith("\n  in the file imported at main.exp:2:1"), e.getMessage());
      assertEquals("before\n", out.toString(), "imports run in order: the first statement ran");
      // through another file: the innermost import is named
      ExpSyntaxException nested = assertThrows(ExpSyntaxException.class, () -> s.eval("import \"mid.exp\" as m"));
      assertTrue(nested.getMessage().contains("mid.exp:1:1"), nested.getMessage());
    }
  }

  @Test
  void aRuntimeErrorInAnImportedFunctionShowsItsLine() throws Exception {
    Files.writeString(dir.resolve("bad.exp"), "let ok = 1\nfn broken(x) = x + \"a\"\n");
    try (Session s = session(new StringBuilder())) {
      ExpRuntimeException e = assertThrows(ExpRuntimeException.class,
          () -> s.eval(new Source("main.exp", "import \"bad.exp\" as b\nb.broken(b.ok)")));
      assertTrue(e.getMessage().startsWith("operator '+' cannot combine a number and a string"), e.getMessage());
      assertEquals("fn broken(x) = x + \"a\"", e.sourceLine());
      assertTrue(e.render().contains("                 ^"), e.render());
    }
  }

  @Test
  void unreadableImportsSayWhyInWords() throws Exception {
    Files.createDirectory(dir.resolve("lib"));
    try (Session s = session(new StringBuilder())) {
      String missing = assertThrows(ExpRuntimeException.class, () -> s.eval("import \"nope.exp\" as m")).getMessage();
      assertTrue(missing.endsWith("no such file or directory"), missing);
      String folder = assertThrows(ExpRuntimeException.class, () -> s.eval("import \"lib\" as m")).getMessage();
      assertTrue(folder.endsWith("it is a folder, not a file"), folder);
      assertFalse(missing.contains("Exception") || folder.contains("Exception"));
    }
  }
}
