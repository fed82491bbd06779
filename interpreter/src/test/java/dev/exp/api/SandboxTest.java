package dev.exp.api;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** An embedded session can only compute until the host grants a capability. */
class SandboxTest {
  @TempDir
  Path dir;

  private Session sandboxed() {
    return Engine.builder().baseDir(dir).build().newSession();
  }

  private static String failure(Session s, String code) {
    return assertThrows(ExpRuntimeException.class, () -> s.eval(code)).getMessage();
  }

  @Test
  void readingFilesNeedsFileRead() throws Exception {
    Files.writeString(dir.resolve("data.csv"), "x,y\n1,2\n3,4\n");
    Files.writeString(dir.resolve("lib.exp"), "let k = 3\n");
    try (Session s = sandboxed()) {
      assertEquals("io.read_csv: this session may not read files (the host has not granted Capability.FILE_READ)",
          failure(s, "io.read_csv(\"data.csv\")"));
      assertEquals("io.read_text: this session may not read files (the host has not granted Capability.FILE_READ)",
          failure(s, "io.read_text(\"data.csv\")"));
      ExpRuntimeException e = assertThrows(ExpRuntimeException.class, () -> s.eval("import \"lib.exp\" as lib"));
      assertTrue(e.getMessage().startsWith("import: this session may not read files"), e.getMessage());
      s.grant(Capability.FILE_READ);
      assertEquals(2.0, s.eval("nrows(io.read_csv(\"data.csv\"))").asDouble());
      assertEquals(3.0, s.eval("import \"lib.exp\" as lib\nlib.k").asDouble());
    }
  }

  @Test
  void writingFilesNeedsFileWrite() {
    try (Session s = sandboxed()) {
      assertEquals("save: this session may not write files (the host has not granted Capability.FILE_WRITE)",
          failure(s, "[1, 2] |> save(\"out.csv\")"));
      assertFalse(Files.exists(dir.resolve("out.csv")));
      assertEquals("io.write_text: this session may not write files (the host has not granted Capability.FILE_WRITE)",
          failure(s, "io.write_text(\"hi\", \"out.txt\")"));
      assertTrue(failure(s, "experiment \"e\" (cache: \"runs\") {\n  sweep a in [1]\n  report v = a\n}")
          .startsWith("experiment cache: this session may not"));
      s.grant(Capability.FILE_WRITE);
      s.eval("[1, 2] |> save(\"out.csv\")");
      assertTrue(Files.exists(dir.resolve("out.csv")));
    }
  }

  @Test
  void environmentNeedsEnv() {
    try (Session s = sandboxed()) {
      assertEquals("env: this session may not read environment variables (the host has not granted Capability.ENV)",
          failure(s, "env(\"PATH\")"));
      s.grant(Capability.ENV);
      assertEquals(System.getenv("PATH"), s.eval("env(\"PATH\")").asString());
      assertEquals("fallback", s.eval("env(\"EXP_SURELY_UNSET_VARIABLE\", \"fallback\")").asString());
      assertTrue(s.eval("env(\"EXP_SURELY_UNSET_VARIABLE\")").isNone());
    }
  }

  @Test
  void javascriptNeedsJavascript() {
    try (Session s = sandboxed()) {
      assertEquals("js: this session may not evaluate JavaScript (the host has not granted Capability.JAVASCRIPT)",
          failure(s, "js(\"1 + 2\")"));
    }
  }

  @Test
  void engineGrantsApplyToEverySession() {
    Engine engine = Engine.builder().grant(Capability.ENV).build();
    try (Session a = engine.newSession(); Session b = engine.newSession()) {
      assertTrue(a.isGranted(Capability.ENV));
      assertFalse(b.isGranted(Capability.FILE_READ));
      assertEquals(System.getenv("PATH"), b.eval("env(\"PATH\")").asString());
    }
  }

  @Test
  void scriptsCannotReachJavaMembers() {
    try (Session s = sandboxed()) {
      s.set("cfg", java.util.Map.of("a", 1));
      s.function("f", a -> 1);
      assertEquals("record has no field 'getClass' (fields: a)", failure(s, "cfg.getClass()"));
      assertTrue(failure(s, "f.getClass()").contains("getClass"));
      assertTrue(failure(s, "\"abc\".getClass()").contains("getClass"));
      assertTrue(failure(s, "len.class").contains("class"));
      // arbitrary Java objects never enter a script
      assertThrows(IllegalArgumentException.class, () -> s.set("rt", Runtime.getRuntime()));
      Engine leaky = Engine.builder().function("rt", a -> Runtime.getRuntime()).build();
      try (Session t = leaky.newSession()) {
        ExpRuntimeException e = assertThrows(ExpRuntimeException.class, () -> t.eval("rt()"));
        assertTrue(e.getMessage().contains("cannot pass a java.lang.Runtime to a script"), e.getMessage());
      }
    }
  }
}
