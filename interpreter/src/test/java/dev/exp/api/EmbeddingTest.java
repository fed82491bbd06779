package dev.exp.api;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.Test;

/** The Java embedding API as a host uses it: values both ways, scripts, host functions and modules. */
class EmbeddingTest {
  private final List<String> printed = new ArrayList<>();
  private final Engine engine = Engine.builder().output(printed::add).build();

  @Test
  void aPieceOfALongerTextIsLocatedInThatText() {
    try (Session s = Engine.create().newSession()) {
      ExpRuntimeException e = assertThrows(ExpRuntimeException.class,
          () -> s.eval(new Source("notebook", "let x = 1\nx + \"s\"", 10)));
      assertEquals(11, e.location().line());
      assertEquals("x + \"s\"", e.sourceLine());
      ExpSyntaxException syntax = assertThrows(ExpSyntaxException.class, () -> s.eval(new Source("notebook", "let y = (", 20)));
      assertEquals(20, syntax.diagnostics().get(0).line());
    }
  }

  @Test
  void globalNamesMustBeIdentifiers() {
    try (Session s = Engine.create().newSession()) {
      s.set("_x9", 1).set("A", 2);
      assertEquals(3.0, s.eval("_x9 + A").asDouble());
      for (String bad : new String[] {"", "9a", "a-b", "a b", "é"}) {
        assertThrows(IllegalArgumentException.class, () -> s.set(bad, 1), bad);
      }
      assertThrows(IllegalArgumentException.class, () -> s.set(null, 1));
      // a reserved word could never be read by a script; var can (it is also the variance function)
      IllegalArgumentException let = assertThrows(IllegalArgumentException.class, () -> s.set("let", 1));
      assertEquals("'let' is a reserved word of Exp and cannot name a global", let.getMessage());
      assertThrows(IllegalArgumentException.class, () -> s.function("for", a -> 1));
      assertThrows(IllegalArgumentException.class, () -> s.function("true(x)", a -> 1));
      s.set("var", 5);
      assertEquals(5.0, s.eval("var").asDouble());
      assertThrows(IllegalArgumentException.class, () -> s.jobs(-1));
    }
  }

  @Test
  void aValueTheHostReadKeepsWhatItSawWhileTheScriptUpdatesItsVariable() {
    try (Session s = Engine.create().newSession()) {
      // the script's next updates would write in place into what the variable owns
      s.eval("var d = {}\nd[\"a\"] = 1\nvar t = zeros([3])\nt[0] = 1\nvar g = [[\"-\"], [\"-\"]]\ng[0][0] = \"x\"");
      Value d = s.get("d");
      Value t = s.get("t");
      Value g = s.get("g");
      s.eval("d[\"a\"] = 2\nd[\"b\"] = 3\nt[1] = 5\ng[0][0] = \"y\"");
      assertEquals(Set.of("a"), d.asMap().keySet());
      assertEquals(1.0, d.get("a").asDouble());
      assertArrayEquals(new double[] {1, 0, 0}, t.asDoubleArray());
      assertEquals("x", g.asList().get(0).asList().get(0).asString());
      assertEquals(2.0, s.eval("d.a").asDouble());
      assertEquals("y", s.eval("g[0][0]").asString());
    }
  }

  @Test
  void oneLiner() {
    assertEquals(3.0, Exp.eval("1 + 2").asDouble());
    double[][] m = {{1, 2}, {3, 4}};
    assertArrayEquals(new double[][] {{7, 10}, {15, 22}}, Exp.eval("x @ x", Map.of("x", m)).asMatrix());
  }

  @Test
  void quickStartOfTheDocs() {
    Engine engine = Engine.builder()
        .limits(Limits.DEFAULT.withTimeout(java.time.Duration.ofSeconds(5)))
        .function("weights", args -> new double[] {0.5, -2, 3})
        .build();
    Script script = engine.compile("fn predict(x) = x @ weights()\nlet fit = predict(X)");
    try (Session s = engine.newSession()) {
      s.set("X", new double[][] {{1, 0, 0}, {1, 1, 1}});
      s.run(script);
      assertArrayEquals(new double[] {0.5, 1.5}, s.get("fit").asDoubleArray());
      assertArrayEquals(new double[] {5.5}, s.call("predict", new double[][] {{1, 2, 3}}).asDoubleArray());
      assertArrayEquals(new double[] {5.5}, s.get("predict").call(new double[][] {{1, 2, 3}}).asDoubleArray());
      assertArrayEquals(new double[] {0.5, 1.5}, s.call("predict", s.get("X")).asDoubleArray());   // README
    }
  }

  @Test
  void matrixRoundTrip() {
    double[][] m = {{1.5, -2, 3}, {4, 5e-300, Double.MAX_VALUE}};
    try (Session s = engine.newSession()) {
      s.set("m", m);
      assertArrayEquals(m, s.get("m").asMatrix());
      assertArrayEquals(m, s.eval("m").asMatrix());
      assertEquals("[2, 3]", s.eval("m.shape").toString());
      // the transpose computed by the script, checked element by element
      double[][] t = s.eval("m.T").asMatrix();
      for (int i = 0; i < 2; i++) {
        for (int j = 0; j < 3; j++) {
          assertEquals(m[i][j], t[j][i]);
        }
      }
    }
  }

  @Test
  void hostArraysAreCopied() {
    double[] v = {1, 2, 3};
    try (Session s = engine.newSession()) {
      s.set("v", v);
      v[0] = 100;
      assertEquals(6.0, s.eval("sum(v)").asDouble());
      double[] out = s.get("v").asDoubleArray();
      out[1] = 100;
      assertArrayEquals(new double[] {1, 2, 3}, s.get("v").asDoubleArray());
    }
  }

  @Test
  void valuesInEveryDirection() {
    Map<String, Object> cfg = new LinkedHashMap<>();
    cfg.put("lr", 0.1);
    cfg.put("name", "run-1");
    cfg.put("steps", 3);
    cfg.put("on", true);
    try (Session s = engine.newSession()) {
      s.set("cfg", cfg).set("xs", List.of(1.0, 2, 3L)).set("names", List.of("a", "b")).set("k", 7).set("nothing", null);
      assertEquals("record", s.eval("type(cfg)").asString());
      assertEquals(0.3, s.eval("cfg.lr * cfg.steps").asDouble(), 1e-15);
      assertEquals("run-1!", s.eval("cfg.name + \"!\"").asString());
      assertTrue(s.eval("cfg.on").asBoolean());
      assertEquals("tensor", s.eval("type(xs)").asString(), "a List of numbers is a vector, like [1, 2, 3]");
      assertArrayEquals(new double[] {2, 4, 6}, s.eval("xs * 2").asDoubleArray());
      assertEquals("list", s.eval("type(names)").asString());
      assertEquals(7, s.eval("k").asInt());
      assertTrue(s.eval("nothing").isNone());

      Value r = s.eval("{a: 1, b: [1, 2], c: \"x\", d: [\"p\", 2]}");
      assertTrue(r.isRecord());
      Map<String, Value> fields = r.asMap();
      assertEquals(List.of("a", "b", "c", "d"), List.copyOf(fields.keySet()));
      assertEquals(1.0, fields.get("a").asDouble());
      assertArrayEquals(new double[] {1, 2}, r.get("b").asDoubleArray());
      assertEquals("x", r.get("c").asString());
      List<Value> d = r.get("d").asList();
      assertEquals("p", d.get(0).asString());
      assertEquals(2.0, d.get(1).asDouble());

      Object java = r.toJava();
      assertTrue(java instanceof Map<?, ?>);
      Map<?, ?> jm = (Map<?, ?>) java;
      assertEquals(1.0, jm.get("a"));
      assertArrayEquals(new double[] {1, 2}, (double[]) jm.get("b"));
      assertEquals(List.of("p", 2.0), jm.get("d"));

      List<Value> rows = s.eval("[[1, 2], [3, 4]]").asList();
      assertArrayEquals(new double[] {3, 4}, rows.get(1).asDoubleArray());
    }
  }

  @Test
  void wrongKindsAreClearErrors() {
    try (Session s = engine.newSession()) {
      ClassCastException e = assertThrows(ClassCastException.class, () -> s.eval("\"abc\"").asDouble());
      assertEquals("expected a number, got a string", e.getMessage());
      e = assertThrows(ClassCastException.class, () -> s.eval("1e19").asLong());
      assertEquals("expected an integer in the range of long, got 1.0E19", e.getMessage());
      assertEquals(Long.MIN_VALUE, s.eval("-2^63").asLong());
      assertThrows(ClassCastException.class, () -> s.eval("2^63").asLong());
      e = assertThrows(ClassCastException.class, () -> s.eval("[1, 2]").asMatrix());
      assertEquals("expected a matrix, got a tensor of shape [2]", e.getMessage());
      IllegalArgumentException ragged = assertThrows(IllegalArgumentException.class,
          () -> s.set("m", new double[][] {{1, 2}, {3}}));
      assertTrue(ragged.getMessage().contains("ragged"), ragged.getMessage());
      IllegalArgumentException obj = assertThrows(IllegalArgumentException.class,
          () -> s.set("t", Thread.currentThread()));
      assertTrue(obj.getMessage().contains("cannot pass a java.lang.Thread to a script"), obj.getMessage());
      assertThrows(IllegalArgumentException.class, () -> s.set("not a name", 1));
      // a host's own class, even in a dev.exp package, is not a runtime value
      assertThrows(IllegalArgumentException.class, () -> s.set("k", new GeometryKernelsHolder()));
      // values that came out of a script go back in as they are (a table here)
      Value table = s.eval("table({a: [1, 2]})");
      s.set("t", table.raw());
      assertEquals(2.0, s.eval("nrows(t)").asDouble());
    }
  }

  @Test
  void callScriptFunctionsFromJava() {
    try (Session s = engine.newSession()) {
      s.eval("fn center(x) = x - mean(x, axis: 0)\nlet twice = x => 2 * x");
      double[][] c = s.call("center", (Object) new double[][] {{1, 10}, {3, 30}}).asMatrix();
      assertArrayEquals(new double[][] {{-1, -10}, {1, 10}}, c);
      assertEquals(42.0, s.call("twice", 21).asDouble());
      assertEquals(42.0, s.get("twice").call(21).asDouble());
      assertEquals(3.0, s.call("linalg.det", (Object) new double[][] {{1, 2}, {-1, 1}}).asDouble(), 1e-12);
      Value f = s.eval("(a, b) => a * b");
      assertEquals(12.0, s.call(f, 3, 4).asDouble());
      assertThrows(IllegalArgumentException.class, () -> s.call("nope"));
      ExpRuntimeException e = assertThrows(ExpRuntimeException.class, () -> s.call("center", "text"));
      assertTrue(e.getMessage().contains("mean"), e.getMessage());
    }
  }

  @Test
  void hostFunctionInPipelines() {
    Engine eng = Engine.builder()
        .function("scale", a -> a[0].asTensor().map(x -> x * a[1].asDouble()))
        .function("total", a -> {
          double t = 0;
          for (double x : a[0].asDoubleArray()) {
            t += x;
          }
          return t;
        })
        .build();
    try (Session s = eng.newSession()) {
      assertArrayEquals(new double[] {10, 20, 30}, s.eval("[1, 2, 3] |> scale(10)").asDoubleArray());
      assertEquals(60.0, s.eval("[1, 2, 3] |> scale(10) |> total").asDouble());
      assertEquals(12.0, s.eval("([[1, 2], [3, 4]] |> map(r => total(r)) |> total) + 2").asDouble());
      // a host function that fails becomes a script error at the call
      ExpRuntimeException e = assertThrows(ExpRuntimeException.class, () -> s.eval("\n\"a\" |> total"));
      assertEquals("total: expected a tensor, got a string", e.getMessage());
      assertEquals(2, e.location().line());
    }
  }

  @Test
  void hostFunctionCallsBackIntoTheScript() {
    Engine eng = Engine.builder().function("apply_twice", a -> a[0].call(a[0].call(a[1]))).build();
    try (Session s = eng.newSession()) {
      assertEquals(12.0, s.eval("apply_twice(x => x * 2, 3)").asDouble());
      s.function("shout", a -> a[0].asString().toUpperCase(java.util.Locale.ROOT));
      assertEquals("HI", s.eval("\"hi\" |> shout").asString());
    }
  }

  @Test
  void hostModuleWithKernelAnnotations() {
    Engine eng = Engine.builder().module(GeometryKernels.class).build();
    try (Session s = eng.newSession()) {
      assertEquals(6.0, s.eval("geom.area(2, height: 3)").asDouble());
      assertEquals(4.0, s.eval("geom.area(2)").asDouble());
      assertArrayEquals(new double[] {5, 13}, s.eval("[[3, 4], [5, 12]] |> geom.norms").asDoubleArray());
      ExpRuntimeException e = assertThrows(ExpRuntimeException.class, () -> s.eval("geom.area(-1)"));
      assertEquals("geom.area: width must be non-negative, got -1", e.getMessage());
      // namespaced names resolve when compiling: a typo is a static error, reported before anything runs
      ExpSyntaxException typo = assertThrows(ExpSyntaxException.class, () -> s.eval("geom.aera(1)"));
      assertEquals("'geom' has no member 'aera'; did you mean 'area'?", typo.diagnostics().get(0).message());
    }
    assertTrue(eng.help("geom.area").startsWith("geom.area(width, height: none)"), eng.help("geom.area"));
  }

  @Test
  void compiledScriptsRunInManySessionsWithoutReparsing() {
    Script script = engine.compile(new Source("score.exp", "let r = norm(xs @ w)\nr + bias"));
    assertEquals(Set.of("xs", "w", "bias"), script.freeNames());
    for (int i = 1; i <= 3; i++) {
      try (Session s = engine.newSession()) {
        s.set("xs", new double[][] {{3, 0}, {0, 4}}).set("w", new double[] {1, 1}).set("bias", i);
        assertEquals(5.0 + i, s.run(script).asDouble());
        assertEquals(5.0, s.get("r").asDouble());
        assertEquals(5.0 + i, s.run(script).asDouble());
        assertEquals(1, s.links, "the second run reuses the linked code");
        s.set("extra", 1);   // a new global: the script is linked again (never parsed again)
        assertEquals(5.0 + i, s.run(script).asDouble());
        assertEquals(2, s.links);
      }
    }
    try (Session s = engine.newSession()) {
      ExpSyntaxException e = assertThrows(ExpSyntaxException.class, () -> s.run(script));
      assertTrue(e.getMessage().contains("score.exp:1:14: error: undefined name 'xs'"), e.getMessage());
    }
    ExpSyntaxException bad = assertThrows(ExpSyntaxException.class, () -> engine.compile("let x = 1\nlet x = 2\nbreak"));
    assertEquals(2, bad.diagnostics().size(), bad.getMessage());
    Engine other = Engine.create();
    try (Session s = other.newSession()) {
      assertThrows(IllegalArgumentException.class, () -> s.run(script));
    }
  }

  @Test
  void printGoesToTheOutputHandler() {
    try (Session s = engine.newSession()) {
      s.eval("print(\"a\", 1)\nprint([1, 2])");
      List<String> mine = new ArrayList<>();
      s.output(mine::add).eval("print(\"mine\")");
      assertEquals(List.of("a 1", "[1, 2]"), printed);
      assertEquals(List.of("mine"), mine);
    }
  }

  @Test
  void sessionsAreIsolatedAndClosable() {
    Session a = engine.newSession();
    try (Session b = engine.newSession()) {
      a.eval("let x = 1");
      assertNull(b.get("x"));
      assertFalse(b.globalNames().contains("x"));
      assertEquals(List.of("x"), a.globalNames());
    }
    a.close();
    assertThrows(IllegalStateException.class, () -> a.eval("1"));
  }

  @Test
  void runtimeErrorsCarryTheScriptStack() {
    try (Session s = engine.newSession()) {
      ExpRuntimeException e = assertThrows(ExpRuntimeException.class,
          () -> s.eval(new Source("m.exp", "fn f(x) = x @ [1, 2, 3]\nf([[1, 2]])")));
      assertEquals("m.exp", e.location().file());
      assertEquals(1, e.location().line());
      assertEquals("f", e.location().function());
      assertEquals(2, e.scriptStack().get(1).line());
      assertTrue(e.render().startsWith("m.exp:1:"), e.render());
    }
  }

  /** A host object in a dev.exp package. */
  static final class GeometryKernelsHolder {}
}
