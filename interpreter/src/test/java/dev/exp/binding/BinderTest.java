package dev.exp.binding;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.exp.api.Engine;
import dev.exp.api.ExpRuntimeException;
import dev.exp.api.ExpSyntaxException;
import dev.exp.api.Session;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * One binder for every callee: a script function, a host function, a kernel and a builtin with the
 * same parameter list {@code (x, factor: 2)} accept the same calls and refuse the same calls with the
 * same message shapes, both when the call is checked while compiling (the callee is known) and when
 * it runs (the callee comes from a variable).
 */
class BinderTest {
  private final List<String> printed = new ArrayList<>();
  private final Engine engine = Engine.builder()
      .module(ContextKernels.class)
      .function("hscale(x, factor: 2)", a -> a[0].asDouble() * a[1].asDouble())
      .function("hany", a -> (double) a.length)
      .output(printed::add)
      .build();

  /** The four callees, all {@code NAME(x, factor: 2) = x * factor}. */
  private static final String[] CALLEES = {"fscale", "hscale", "kc.scale"};
  private static final String PRELUDE = "fn fscale(x, factor = 2) = x * factor\n";

  private Session session() {
    Session s = engine.newSession();
    s.eval(PRELUDE);
    return s;
  }

  @Test
  void goodCallsBindAlikeForEveryKind() {
    try (Session s = session()) {
      for (String f : CALLEES) {
        assertEquals(6.0, s.eval(f + "(3)").asDouble(), f);
        assertEquals(15.0, s.eval(f + "(3, 5)").asDouble(), f);
        assertEquals(15.0, s.eval(f + "(factor: 5, x: 3)").asDouble(), f);
        assertEquals(15.0, s.eval(f + "(3, factor: 5)").asDouble(), f);
        assertEquals(8.0, s.eval("4 |> " + f).asDouble(), f);
        assertEquals(12.0, s.eval("4 |> " + f + "(3)").asDouble(), f);
      }
    }
  }

  /** The bad calls and the problem each must report (after "NAME() "). */
  private static final String[][] BAD = {
      {"NAME(1, 2, 3)", "takes 1 to 2 arguments but 3 were given"},
      {"NAME()", "is missing argument 'x'"},
      {"NAME(factor: 1)", "is missing argument 'x'"},
      {"NAME(1, x: 2)", "got two values for 'x'"},
      {"NAME(1, factr: 2)", "has no parameter 'factr'; did you mean 'factor'?"},
  };

  @Test
  void badCallsToKnownCalleesAreStaticErrorsBeforeAnythingRuns() {
    try (Session s = session()) {
      for (String f : CALLEES) {
        String shown = f.equals("kc.scale") ? "kc.scale" : f;
        for (String[] bad : BAD) {
          String call = bad[0].replace("NAME", f);
          ExpSyntaxException e = assertThrows(ExpSyntaxException.class,
              () -> s.eval("print(\"ran\")\n" + (f.equals("fscale") ? PRELUDE : "") + call), call);
          assertEquals(shown + "() " + bad[1] + "; signature: " + shown + "(x, factor: 2)",
              e.diagnostics().get(0).message(), call);
        }
      }
      assertEquals(List.of(), printed, "nothing runs when the script has a static error");
    }
  }

  @Test
  void badCallsThroughVariablesFailWithTheSameMessagesWhenRun() {
    try (Session s = session()) {
      for (String f : CALLEES) {
        s.eval("var g = " + f);
        for (String[] bad : BAD) {
          String call = bad[0].replace("NAME", "g");
          ExpRuntimeException e = assertThrows(ExpRuntimeException.class, () -> s.eval(call), call);
          assertEquals(f + "() " + bad[1] + "; signature: " + f + "(x, factor: 2)", e.getMessage(), call);
        }
      }
    }
  }

  /** An unknown name that is NumPy's or scikit-learn's for a parameter the callee has suggests the Exp name. */
  @Test
  void numpyParameterNamesSuggestTheExpName() {
    try (Session s = session()) {
      String[][] cases = {
          {"linalg.norm(eye(2), ord: 2)", "has no parameter 'ord'; did you mean 'p'? (Exp's name for the NumPy/scikit-learn 'ord')"},
          {"randint(0, 3, size: [5])", "has no parameter 'size'; did you mean 'shape'?"},
          {"learn.kmeans(eye(3), n_clusters: 2)", "has no parameter 'n_clusters'; did you mean 'k'?"},
          {"randint(0, 3, random_state: 1)", "has no parameter 'random_state'; did you mean 'seed'?"},
          {"randint(0, 3, colour: 1)", "has no parameter 'colour'; signature:"},   // neither spelled nor an alias
      };
      for (String[] c : cases) {
        ExpSyntaxException e = assertThrows(ExpSyntaxException.class, () -> s.eval(c[0]), c[0]);
        String m = e.diagnostics().get(0).message();
        assertTrue(m.contains(c[1]), c[0] + ": " + m);
      }
    }
  }

  @Test
  void builtinsUseTheSameBinder() {
    try (Session s = session()) {
      // the old builtin binder bound the positional 10 to start, then start: 3 over it, and returned 3
      ExpSyntaxException dup = assertThrows(ExpSyntaxException.class, () -> s.eval("len(range(10, start: 3))"));
      assertEquals("range() got two values for 'start'; signature: range(start, stop: none, step: none)",
          dup.diagnostics().get(0).message());
      s.eval("var r = range");
      ExpRuntimeException run = assertThrows(ExpRuntimeException.class, () -> s.eval("len(r(10, start: 3))"));
      assertEquals(dup.diagnostics().get(0).message(), run.getMessage());
      assertEquals(7.0, s.eval("len(range(3, 10))").asDouble());
      assertEquals(7.0, s.eval("len(range(start: 3, stop: 10))").asDouble());
      ExpSyntaxException many = assertThrows(ExpSyntaxException.class, () -> s.eval("len([1], [2])"));
      assertEquals("len() takes 1 argument but 2 were given; signature: len(x)", many.diagnostics().get(0).message());
      // a rest parameter collects positional arguments and cannot be named
      ExpSyntaxException named = assertThrows(ExpSyntaxException.class, () -> s.eval("print(values: 1)"));
      assertEquals("print() has no parameter 'values'; signature: print(*values)", named.diagnostics().get(0).message());
    }
  }

  @Test
  void aSeedIsNamedOnly() {
    try (Session s = session()) {
      // NumPy's randn(3, 4) is a 3 x 4 matrix; here it would have been 3 numbers from seed 4
      ExpSyntaxException e = assertThrows(ExpSyntaxException.class, () -> s.eval("randn(3, 4)"));
      assertEquals("randn() takes 1 positional argument but 2 were given; the shape is one list (randn([3, 4]) is 3 x 4)"
          + " and the seed is named (seed: 1); signature: randn(shape, seed: none)", e.diagnostics().get(0).message());
      e = assertThrows(ExpSyntaxException.class, () -> s.eval("normal(0, 1, [2], 5)"));
      assertEquals("normal() takes 3 positional arguments but 4 were given: 'seed' is named only (seed: ...); "
          + "signature: normal(mean: 0, std: 1, shape: none, seed: none)", e.diagnostics().get(0).message());
      s.eval("var r = rand");
      ExpRuntimeException run = assertThrows(ExpRuntimeException.class, () -> s.eval("r([2], 7)"));
      assertTrue(run.getMessage().startsWith("rand() takes 1 positional argument but 2 were given"), run.getMessage());
      assertEquals(s.eval("rand([3], seed: 7)").asDoubleArray()[2], s.eval("r([3], seed: 7)").asDoubleArray()[2]);
    }
  }

  @Test
  void hostFunctionsWithoutASignatureTakeAnyPositionalArguments() {
    try (Session s = session()) {
      assertEquals(3.0, s.eval("hany(1, 2, 3)").asDouble());
      assertEquals(0.0, s.eval("hany()").asDouble());
      ExpSyntaxException e = assertThrows(ExpSyntaxException.class, () -> s.eval("hany(x: 1)"));
      assertEquals("hany() has no parameter 'x'; signature: hany(*args)", e.diagnostics().get(0).message());
    }
  }

  @Test
  void namespaceMembersResolveWhenCompiling() {
    try (Session s = session()) {
      ExpSyntaxException e = assertThrows(ExpSyntaxException.class,
          () -> s.eval("print(\"a\")\nlinalg.sovle([[2]], [1])"));
      assertEquals("'linalg' has no member 'sovle'; did you mean 'solve'?", e.diagnostics().get(0).message());
      assertEquals(2, e.diagnostics().get(0).line());
      assertEquals(List.of(), printed);
      // a namespace can still be passed around; members of a namespace value resolve when they run
      s.eval("let la = linalg");
      ExpRuntimeException r = assertThrows(ExpRuntimeException.class, () -> s.eval("la.sovle"));
      assertEquals("'linalg' has no member 'sovle'; did you mean 'solve'?", r.getMessage());
      assertEquals(0.5, s.eval("la.solve([[2]], [1])").asDoubleArray()[0]);
    }
  }

  @Test
  void aMemberOfAnotherNamespaceIsSuggested() {
    try (Session s = session()) {
      ExpSyntaxException e = assertThrows(ExpSyntaxException.class, () -> s.eval("linalg.cg(1, 2)"));
      assertEquals("'linalg' has no member 'cg'; did you mean 'solvers.cg'?", e.diagnostics().get(0).message());
      ExpSyntaxException bare = assertThrows(ExpSyntaxException.class, () -> s.eval("cg(1, 2)"));
      assertEquals("undefined name 'cg'; did you mean 'solvers.cg'?", bare.diagnostics().get(0).message());
    }
    Engine engine = Engine.builder().build();
    assertEquals("linalg.solve", engine.closestName("linalg.sovle"));
    assertEquals("solvers.cg", engine.closestName("linalg.cg"));
    assertEquals(null, engine.closestName("zzzqqqxxx"));
  }

  @Test
  void aShadowedBuiltinIsNotCheckedAgainstTheBuiltin() {
    try (Session s = session()) {
      // len is a local function here: the call binds to it, not to the builtin len(x)
      assertEquals(3.0, s.eval("fn f() { let len = fn (a, b, c) = c\n len(1, 2, 3) }\nf()").asDouble());
      assertTrue(s.eval("let linalg = {solve: 1}\nlinalg.solve").asDouble() == 1.0);
    }
  }
}
