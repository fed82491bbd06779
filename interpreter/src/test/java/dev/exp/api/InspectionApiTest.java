package dev.exp.api;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * The API a tool needs to show values and help with code without the interpreter's internals (issue
 * 10: the REPL uses only this): {@link Value#repr}, kinds and shapes, the language's keywords, the
 * engine's function and namespace names, experiment listeners.
 */
class InspectionApiTest {
  private static Value eval(String code) {
    return Exp.eval(code);
  }

  @Test
  void reprIsTheExpTextOfTheValue() {
    assertEquals("[1, 2.5]", eval("[1, 2.5]").repr());
    assertEquals("{a: 1, b: \"x\", c: [true, none]}", eval("{a: 1, b: \"x\", c: [true, none]}").repr());
    assertEquals("1+2i", eval("1 + 2i").repr());
    assertEquals("3-0.5i", eval("3 - 0.5i").repr());
    assertEquals("2i", eval("2i").repr());
    assertEquals("0.1", eval("0.1").repr(), "shortest round-trip digits");
    assertEquals("0.30000000000000004", eval("0.1 + 0.2").repr());
    assertEquals("\"a\\\"b\"", eval("\"a\\\"b\"").repr(), "strings quoted, escapes written back");
    assertEquals("none", eval("none").repr());
  }

  @Test
  void reprIsWhatPrintShowsAndReadsBack() {
    List<String> printed = new ArrayList<>();
    Engine engine = Engine.builder().output(printed::add).build();
    String[] codes = {"[1, 2.5]", "{a: 1, b: [2, 3]}", "1+2i", "[[1, 2], [3, 4]]", "[[1, 2i], [-3, 4.5]]",
        "reshape(linspace(1, 8, 8), [2, 2, 2])", "[1, \"s\", [2, 3]]"};
    try (Session s = engine.newSession()) {
      for (String code : codes) {
        printed.clear();
        Value v = s.eval(code);
        s.set("v", v).eval("print(v)");
        assertEquals(List.of(v.repr()), printed, code);
        // the text is Exp source for the same value
        s.set("w", s.eval(v.repr()));
        Value same = s.eval("v == w");   // element-wise for tensors
        assertTrue(same.isBoolean() ? same.asBoolean() : s.eval("all(v == w)").asBoolean(), code);
      }
    }
  }

  @Test
  void kindsNameWhatAValueIs() {
    assertEquals(Value.Kind.NUMBER, eval("1.5").kind());
    assertEquals(Value.Kind.COMPLEX, eval("1+2i").kind());
    assertEquals(Value.Kind.BOOL, eval("1 < 2").kind());
    assertEquals(Value.Kind.STRING, eval("\"x\"").kind());
    assertEquals(Value.Kind.NONE, eval("none").kind());
    assertEquals(Value.Kind.TENSOR, eval("[1, 2, 3]").kind());
    assertEquals(Value.Kind.TENSOR, eval("zeros([2, 3])").kind());
    assertEquals(Value.Kind.LIST, eval("[1, \"a\"]").kind());
    assertEquals(Value.Kind.RECORD, eval("{a: 1}").kind());
    assertEquals(Value.Kind.FUNCTION, eval("x => x + 1").kind());
    assertEquals(Value.Kind.FUNCTION, eval("linalg.solve").kind());
    assertEquals(Value.Kind.OTHER, eval("0..3").kind());
    assertEquals(Value.Kind.OTHER, eval("linalg").kind());
    assertTrue(eval("1+2i").isComplex());
    assertTrue(eval("[1, 2i]").isComplex());
    assertFalse(eval("[1, 2]").isComplex());
    assertFalse(eval("2").isComplex());
  }

  @Test
  void shapesAndRowMajorElements() {
    assertArrayEquals(new int[] {3}, eval("[1, 2, 3]").shape());
    assertArrayEquals(new int[] {2, 3, 4}, eval("zeros([2, 3, 4])").shape());
    assertArrayEquals(new int[] {0}, eval("zeros([0])").shape());
    assertArrayEquals(new int[] {}, eval("7").shape(), "a number is 0-d");
    assertArrayEquals(new int[] {}, eval("1+2i").shape());
    assertThrows(ClassCastException.class, () -> eval("\"x\"").shape());
    // [[1, 2, 3], [4, 5, 6]] transposed (a view) is [[1, 4], [2, 5], [3, 6]]
    Value t = eval("reshape(linspace(1, 6, 6), [2, 3]).T");
    assertArrayEquals(new int[] {3, 2}, t.shape());
    assertArrayEquals(new double[] {1, 4, 2, 5, 3, 6}, t.asFlatArray());
    assertArrayEquals(new double[] {1, 0, 4, 0, 2, 0, 5, 0, 3, 0, 6, 0}, t.asComplexArray());
    assertArrayEquals(new double[] {1, 2, 0, -0.5}, eval("[1+2i, -0.5i]").asComplexArray());
    assertArrayEquals(new double[] {3, -4}, eval("3 - 4i").asComplexArray());
    assertArrayEquals(new double[] {2.5}, eval("2.5").asFlatArray());
    ClassCastException e = assertThrows(ClassCastException.class, () -> eval("[1, 2i]").asFlatArray());
    assertTrue(e.getMessage().contains("complex") && e.getMessage().contains("asComplexArray"), e.getMessage());
    // copies: writing into the result leaves the value alone
    Value v = eval("[1, 2]");
    v.asFlatArray()[0] = 99;
    v.asComplexArray()[0] = 99;
    v.shape()[0] = 99;
    assertEquals("[1, 2]", v.repr());
    Value z = eval("[1+2i]");
    z.asComplexArray()[0] = 99;
    assertEquals("[1+2i]", z.repr());
  }

  @Test
  void keywordsAreTheReservedWords() {
    List<String> kw = Language.keywords();
    assertTrue(kw.containsAll(List.of("let", "fn", "experiment", "if", "else", "true", "false", "none")), kw.toString());
    assertFalse(kw.contains("print") || kw.contains("linalg") || kw.contains("sum"), "functions are not keywords");
    for (String k : kw) {
      assertTrue(k.matches("[a-z_]+"), k);
      // a reserved word cannot name a variable
      assertThrows(ExpSyntaxException.class, () -> Engine.create().compile("let " + k + " = 1"), k);
    }
  }

  @Test
  void unfinishedInputIsTheParsersVerdict() {
    assertTrue(Language.isIncomplete("fn f(x) {"));
    assertTrue(Language.isIncomplete("let xs = [1,"));
    assertTrue(Language.isIncomplete("print(\"abc"));
    assertTrue(Language.isIncomplete("1 +"));
    assertFalse(Language.isIncomplete("1 + 2"));
    assertFalse(Language.isIncomplete("undefined_name + 1"), "names are not checked");
    assertFalse(Language.isIncomplete("1 + + * 2"), "an error before the end is an error");
    assertFalse(Language.isIncomplete(")"));
  }

  @Test
  void functionAndNamespaceNames() {
    Engine engine = Engine.builder().module(GeometryKernels.class).function("twice", a -> 2 * a[0].asDouble()).build();
    List<String> fns = engine.functionNames();
    assertTrue(fns.containsAll(List.of("linalg.solve", "linalg.svd", "fft.fft", "print", "sum", "geom.area", "twice")),
        fns.toString());
    assertFalse(fns.contains("linalg"), "namespaces are not functions");
    assertEquals(fns.stream().sorted().toList(), fns, "sorted");
    for (String f : fns) {
      assertTrue(engine.hasFunction(f), f);
    }
    List<String> ns = engine.namespaces();
    assertTrue(ns.containsAll(List.of("linalg", "fft", "optim", "geom")), ns.toString());
    assertFalse(ns.contains("sum") || ns.contains("linalg.solve"));
    for (String n : ns) {
      assertTrue(engine.help(n).startsWith("namespace " + n), n);
    }
    assertFalse(Engine.create().functionNames().contains("geom.area"), "host modules belong to their engine");
  }

  @Test
  void experimentListenerSeesTheTrials() {
    List<String> events = new ArrayList<>();
    int[] updates = {0};
    try (Session s = Engine.create().newSession()) {
      s.jobs(1).progress(new ExperimentListener() {
        @Override
        public void start(String e, int trials, int grid, long reps, int cached, int jobs) {
          events.add("start " + e + " " + trials + " " + grid + " " + reps + " " + cached + " " + jobs);
        }

        @Override
        public void update(String e, int done, int failed, int cached, int total, double elapsed) {
          updates[0]++;
          assertTrue(done <= total && elapsed >= 0);
        }

        @Override
        public void finish(String e, int done, int failed, int cached, int total, double elapsed, String firstError) {
          events.add("finish " + e + " " + done + " " + failed + " " + total + " " + (firstError != null));
        }
      });
      Value t = s.eval("""
          experiment "grid" {
            sweep a in [1, 2, 3]
            sweep b in [10, 20]
            repeat 2
            report v = a * b
          }
          """);
      assertEquals(Value.Kind.OTHER, t.kind());
    }
    // 3 x 2 grid points, 2 replicates each: 12 trials on one worker, none cached or failed
    assertEquals(List.of("start grid 12 6 2 0 1", "finish grid 12 0 12 false"), events);
    assertTrue(updates[0] >= 1);
  }

  @Test
  void aListenerCanBeRemoved() {
    List<String> events = new ArrayList<>();
    try (Session s = Engine.create().newSession()) {
      s.progress(new ExperimentListener() {
        @Override
        public void start(String e, int trials, int grid, long reps, int cached, int jobs) {
          events.add(e);
        }
      });
      s.progress(null);
      s.eval("experiment \"quiet\" {\n  sweep a in [1, 2]\n  report v = a\n}");
    }
    assertEquals(List.of(), events);
  }
}
