package dev.exp.eval.nodes;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.exp.api.Engine;
import dev.exp.api.ExpCallDepthException;
import dev.exp.api.ExpInterruptedException;
import dev.exp.api.ExpRuntimeException;
import dev.exp.api.ExpStepLimitException;
import dev.exp.api.ExpTimeoutException;
import dev.exp.api.Limits;
import dev.exp.api.Session;
import dev.exp.api.Source;
import java.time.Duration;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicReference;
import java.util.function.Function;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/**
 * The numeric tier ({@link NumericTier}) computes what the tree computes. Values are known
 * independently (closed forms, textbook values, Java's IEEE 754 comparisons); behaviour that has no
 * outside reference (errors, script stacks, step counts, deoptimisation) is compared with the tree
 * by running the same script with the tier switched off.
 */
class NumericTierTest {
  private static final String FIB = "fn fib(n) = if n < 2 { n } else { fib(n - 1) + fib(n - 2) }\n";

  @AfterEach
  void tierBackOn() {
    NumericTier.enabled = true;
  }

  private static <T> T withSession(Limits limits, Function<Session, T> body) {
    try (Session s = Engine.builder().limits(limits).build().newSession()) {
      return body.apply(s);
    }
  }

  private static double num(String code) {
    return withSession(Limits.DEFAULT, s -> s.eval(code).asDouble());
  }

  /** Runs {@code code} and reports whether function {@code name} ended up translated. */
  private static boolean translated(String code, String name) {
    return withSession(Limits.DEFAULT, s -> {
      s.eval(code);
      return ((Closure) s.get(name).raw()).code.tierState == NumericTier.COMPILED;
    });
  }

  /** The rendered error (message, location, source line, script stack) of {@code code}, with or without the tier. */
  private static String error(Limits limits, String code, boolean tier) {
    NumericTier.enabled = tier;
    try {
      return withSession(limits, s -> {
        ExpRuntimeException e = assertThrows(ExpRuntimeException.class, () -> s.eval(new Source("t.exp", code)));
        return e.getClass().getSimpleName() + ": " + e.render() + "\n" + e.scriptStack();
      });
    } finally {
      NumericTier.enabled = true;
    }
  }

  private static void sameErrorBothTiers(Limits limits, String code, String expectedMessage) {
    String tree = error(limits, code, false);
    String tier = error(limits, code, true);
    assertTrue(tree.contains(expectedMessage), tree);
    assertEquals(tree, tier);
  }

  private static String printed(String code, boolean tier) {
    NumericTier.enabled = tier;
    try {
      StringBuilder out = new StringBuilder();
      try (Session s = Engine.builder().output(line -> out.append(line)).build().newSession()) {
        s.eval(code);
      }
      return out.toString();
    } finally {
      NumericTier.enabled = true;
    }
  }

  @Test
  void theWarmUpClassComputesItsClosedForm() {
    // fn (x) { var s = 0; for i in 0..3 { s += i * x }; s } at x = 2: 0 + 2 + 4
    assertEquals(6.0, NumericWarmUp.run());
  }

  @Test
  void recursionIsTranslatedAndExact() {
    assertEquals(6765.0, num(FIB + "fib(20)"));
    assertTrue(translated(FIB + "fib(20)", "fib"));
    // Ackermann: A(2, 3) = 9, A(3, 3) = 61 (a call in an argument of a call)
    String ack = "fn ack(m, n) = if m == 0 { n + 1 } else if n == 0 { ack(m - 1, 1) } else { ack(m - 1, ack(m, n - 1)) }\n";
    assertEquals(9.0, num(ack + "ack(2, 3)"));
    assertEquals(61.0, num(ack + "ack(3, 3)"));
    assertTrue(translated(ack + "ack(3, 3)", "ack"));
  }

  @Test
  void loopsMatchClosedForms() {
    String sum = "fn s(n) {\n var a = 0\n for i in 0..n { a += i * 0.5 }\n a\n}\n";
    assertEquals(0.5 * 999 * 1000 / 2, num(sum + "s(1000)"));
    assertTrue(translated(sum + "for w in 0..20 { s(10) }", "s"));
    String incl = "fn s(n) {\n var a = 0\n for i in 1..=n { a += i }\n return a\n}\n";
    assertEquals(1000.0 * 1001 / 2, num(incl + "s(1000)"));
    assertEquals(0.0, num(incl + "s(-5)"), "an empty range runs no iteration");
    // Collatz: 27 takes 111 steps to reach 1
    String collatz = "fn steps(n) {\n var k = 0\n var x = n\n while x != 1 {\n"
        + "  if x % 2 == 0 { x = x / 2 } else { x = 3 * x + 1 }\n  k += 1\n }\n k\n}\n";
    assertEquals(111.0, num(collatz + "steps(27)"));
    assertTrue(translated(collatz + "for w in 0..20 { steps(27) }", "steps"));
    // Euclid's textbook example: gcd(1071, 462) = 21
    String gcd = "fn gcd(a, b) {\n var x = a\n var y = b\n while y != 0 {\n  let t = y\n  y = x % y\n  x = t\n }\n x\n}\n";
    assertEquals(21.0, num(gcd + "gcd(1071, 462)"));
    // 168 primes below 1000: nested loops with break and continue
    String primes = "fn count(n) {\n var c = 0\n for k in 2..n {\n  var d = 2\n  var prime = 1\n"
        + "  while d * d <= k {\n   if k % d == 0 { prime = 0\n break }\n   d += 1\n  }\n"
        + "  if prime == 0 { continue }\n  c += 1\n }\n c\n}\n";
    assertEquals(168.0, num(primes + "count(1000)"));
    assertTrue(translated(primes + "for w in 0..20 { count(10) }", "count"));
  }

  @Test
  void compiledFunctionsCallEachOther() {
    String code = "fn sq(x) = x * x\nfn dist2(a, b) = sq(a) + sq(b)\nvar t = 0\nfor i in 0..40 { t += dist2(3, 4) }\nt";
    assertEquals(40 * 25.0, num(code));
    assertTrue(translated(code, "dist2"));
    assertTrue(translated(code, "sq"));
  }

  @Test
  void comparisonsFollowIeee754() {
    String cmp = "fn cmp(x, y) {\n var m = 0\n if x < y { m += 1 }\n if x <= y { m += 2 }\n if x > y { m += 4 }\n"
        + " if x >= y { m += 8 }\n if x == y { m += 16 }\n if x != y { m += 32 }\n"
        + " if not (x < y) and (x == x or y == y) { m += 64 }\n m\n}\n";
    double[] xs = {Double.NaN, -1, 0, -0.0, 1, Double.POSITIVE_INFINITY};
    StringBuilder calls = new StringBuilder("[");
    StringBuilder expected = new StringBuilder("[");
    for (double x : xs) {
      for (double y : xs) {
        int m = (x < y ? 1 : 0) + (x <= y ? 2 : 0) + (x > y ? 4 : 0) + (x >= y ? 8 : 0) + (x == y ? 16 : 0)
            + (x != y ? 32 : 0) + (!(x < y) && (x == x || y == y) ? 64 : 0);
        calls.append(calls.length() > 1 ? ", " : "").append("cmp(").append(lit(x)).append(", ").append(lit(y)).append(")");
        expected.append(expected.length() > 1 ? ", " : "").append(m);
      }
    }
    String code = cmp + "[" + "cmp(1, 2), ".repeat(20) + "0]\n" + calls + "]";
    String got = withSession(Limits.DEFAULT, s -> s.eval(code).toString());
    assertEquals(expected + "]", got);
    assertTrue(translated(code, "cmp"));
  }

  private static String lit(double x) {
    if (Double.isNaN(x)) {
      return "(0 / 0)";
    }
    if (Double.isInfinite(x)) {
      return "(1 / 0)";
    }
    return x == 0 && 1 / x < 0 ? "(-0.0)" : "(" + x + ")";
  }

  @Test
  void operatorsKeepTheLanguageSemantics() {
    String m = "fn m(a, b) = a % b\nfn p(a, b) = a ^ b\nfn n(a) = -a + +a * 2\nvar w = 0\nfor i in 0..20 { w += m(i, 3) + p(2, 2) + n(1) }\n";
    // floored modulo: the result has the sign of the divisor
    assertEquals(2.0, num(m + "m(-7, 3)"));
    assertEquals(-2.0, num(m + "m(7, -3)"));
    assertEquals(1.5, num(m + "m(5.5, 2)"));
    assertEquals(1024.0, num(m + "p(2, 10)"));
    assertEquals(3.0, num(m + "n(3)"));
    assertTrue(translated(m, "m"));
    assertTrue(translated(m, "n"));
  }

  @Test
  void aGlobalThatStopsBeingANumberGivesTheTreeError() {
    String code = "var k = 2\nfn f(x) = x - k\nvar s = 0\nfor i in 0..20 { s += f(i) }\nk = \"a\"\nf(1)";
    sameErrorBothTiers(Limits.DEFAULT, code, "t.exp:2:");
    assertEquals(3.0, num("var k = 2\nfn f(x) = x * k\nfor i in 0..20 { f(i) }\nk = 3\nf(1)"), "a new number is read");
  }

  @Test
  void aRedefinedCalleeIsCalled() {
    String code = "var h = x => x + 1\nfn f(x) = h(x)\nfor i in 0..20 { f(i) }\nlet before = f(1)\n"
        + "h = x => x + 10\nprint(before)\nprint(f(1))";
    assertEquals("211", printed(code, true));
    assertEquals(printed(code, false), printed(code, true));
  }

  @Test
  void aRangeBoundThatIsNotAnIntegerGivesTheTreeError() {
    String code = "fn s(n) {\n var a = 0\n for i in 0..n { a += i }\n a\n}\nprint(s(3))\ns(2.5)";
    sameErrorBothTiers(Limits.DEFAULT, code, "must be an integer");
  }

  @Test
  void aBodyEndingWithoutANumberGivesTheTreeValue() {
    String code = "fn f(x) {\n while x > 100 { return 1 }\n}\nprint(f(500))\nprint(f(5))";
    assertEquals(printed(code, false), printed(code, true));
    assertTrue(printed(code, true).startsWith("1"));
  }

  @Test
  void stepAndDepthLimitsHitAtTheSamePointWithTheSameStack() {
    String inner = "fn inner(n) {\n var s = 0\n for i in 0..n { s += i }\n s\n}\n"
        + "fn outer(n) = inner(n) + 1\nfor i in 0..30 { outer(3) }\nouter(1e9)";
    sameErrorBothTiers(Limits.DEFAULT.withMaxSteps(5000), inner, "step limit exceeded");
    String down = "fn down(n) = if n == 0 { 0 } else { 1 + down(n - 1) }\nprint(down(50))\ndown(500)";
    sameErrorBothTiers(Limits.DEFAULT.withMaxCallDepth(100), down, "call depth limit exceeded");
    assertThrows(ExpCallDepthException.class,
        () -> withSession(Limits.DEFAULT.withMaxCallDepth(100), s -> s.eval(down)));
    assertThrows(ExpStepLimitException.class,
        () -> withSession(Limits.DEFAULT.withMaxSteps(5000), s -> s.eval(inner)));
  }

  @Test
  void aTimeoutStopsACompiledLoop() {
    String spin = "fn spin() {\n var i = 0\n while i >= 0 { i += 1 }\n i\n}\nspin()";
    long t0 = System.nanoTime();
    ExpTimeoutException e = assertThrows(ExpTimeoutException.class,
        () -> withSession(Limits.DEFAULT.withTimeout(Duration.ofMillis(300)), s -> s.eval(new Source("t.exp", spin))));
    long ms = TimeUnit.NANOSECONDS.toMillis(System.nanoTime() - t0);
    assertTrue(ms < 1500, "stopped after " + ms + " ms");
    assertEquals(3, e.location().line());
    assertEquals("spin", e.scriptStack().get(0).function());
  }

  @Test
  void anInterruptStopsACompiledRecursion() throws Exception {
    AtomicReference<Throwable> thrown = new AtomicReference<>();
    Thread worker = new Thread(() -> {
      try (Session s = Engine.create().newSession()) {
        s.eval(FIB + "fib(60)");
      } catch (Throwable t) {
        thrown.set(t);
      }
    });
    worker.start();
    Thread.sleep(200);
    worker.interrupt();
    worker.join(5000);
    assertTrue(!worker.isAlive(), "the worker stopped");
    assertTrue(thrown.get() instanceof ExpInterruptedException, String.valueOf(thrown.get()));
  }

  // ------------------------------------------------------------------ loops translated on their own

  @Test
  void aHotTopLevelLoopContinuesTranslatedWithTheSameValues() {
    assertEquals(0.5 * 9_999_999.0 * 10_000_000 / 2, num("var acc = 0\nfor i in 0..10000000 { acc += i * 0.5 }\nacc"));
    double b = 1;
    for (int i = 0; i < 5000; i++) {
      b = b * 1.0001;   // the same IEEE operations in the same order
    }
    String code = "var a = 0\nvar b = 1\nfor i in 0..5000 { a += 1\n b = b * 1.0001 }\n[a, b]";
    double expected = b;
    withSession(Limits.DEFAULT, s -> {
      s.eval(code);
      assertEquals(5000.0, s.get("a").asDouble());
      assertEquals(expected, s.get("b").asDouble());
      return null;
    });
    assertEquals(12345.0, num("var k = 0\nwhile true {\n k += 1\n if k == 12345 { break }\n}\nk"));
    assertEquals(5000.0 * 4999 / 2 - 7 * (714.0 * 715 / 2),
        num("var s = 0\nvar j = 0\nwhile j < 4999 {\n j += 1\n if j % 7 == 0 { continue }\n s += j\n}\ns"));
  }

  @Test
  void aLoopInAFunctionThatStaysInTheTreeIsTranslated() {
    String code = "fn f(n) {\n print(\"start\")\n var s = 0\n for i in 0..n { s += i }\n s\n}\nprint(f(10000))";
    assertEquals("start49995000", printed(code, true));
    String calls = "fn sq(x) = x * x\nfn g(n) {\n print(\"g\")\n var t = 0\n var i = 0\n while i < n { t += sq(i)\n i += 1 }\n t\n}\nprint(g(5000))";
    assertEquals("g" + (long) (4999.0 * 5000 * 9999 / 6), printed(calls, true));
  }

  @Test
  void aLoopWhoseInputsAreNotNumbersStaysInTheTree() {
    assertEquals("4999", printed("var last = \"x\"\nfor i in 0..5000 { last = i }\nprint(last)", true));
    String mixed = "var s = 0\nfor i in 0..3000 {\n s += if i < 2500 { 1 } else { 0 }\n}\nprint(s)";
    assertEquals("2500", printed(mixed, true));
  }

  @Test
  void anErrorInsideATranslatedLoopIsTheTreeErrorAndKeepsTheVariables() {
    String code = "var s = 0\nfor i in 0..3000 {\n let b = if i < 2000 { 2 } else { 2.5 }\n for j in 0..b { s += 1 }\n}";
    sameErrorBothTiers(Limits.DEFAULT, code, "the end of a range must be an integer, got 2.5");
    withSession(Limits.DEFAULT, s -> {
      assertThrows(ExpRuntimeException.class, () -> s.eval(code));
      assertEquals(4000.0, s.get("s").asDouble(), "the iterations before the error were kept");
      return null;
    });
    String calls = "fn inner(n) {\n var s = 0\n for i in 0..n { s += i }\n s\n}\nvar t = 0\nfor k in 0..100000 { t += inner(3) }";
    sameErrorBothTiers(Limits.DEFAULT.withMaxSteps(20000), calls, "step limit exceeded");
  }

  @Test
  void elementWiseBuiltinsOnNumbersGiveTheKernelValues() {
    String[] ops = {"exp", "log", "log2", "log10", "log1p", "expm1", "sqrt", "square", "tanh", "sigmoid", "relu",
        "softplus", "abs", "sign", "floor", "ceil", "sin", "cos", "tan", "arcsin", "arccos", "arctan", "sinh", "cosh"};
    StringBuilder code = new StringBuilder("let xs = [-2.5, -1, -0.5, 0, 0.25, 1, 3.7, 40]\n");
    for (String op : ops) {
      code.append("fn f_").append(op).append("(x) = ").append(op).append("(x)\n");
    }
    code.append("var out = []\nfor x in xs {\n");
    for (String op : ops) {
      code.append(" var s_").append(op).append(" = 0\n for w in 0..20 { s_").append(op).append(" = f_").append(op).append("(x) }\n");
      code.append(" out = out + [s_").append(op).append(" == ").append(op).append("(x) or isnan(s_").append(op).append(")]\n");
    }
    code.append("}\nout");
    String all = withSession(Limits.DEFAULT, s -> s.eval(code.toString()).toString());
    assertTrue(!all.contains("false"), all);
    assertTrue(translated(code.toString(), "f_sqrt"));
    assertEquals(Math.sqrt(2) + Math.exp(-1), num("fn g(x) = sqrt(x) + exp(-x / 2)\nvar t = 0\nfor i in 0..30 { t = g(2) }\nt"));
    // Newton's iteration for sqrt(2) converges to the IEEE square root
    assertEquals(Math.sqrt(2), num("fn newton(a) {\n var x = a\n for k in 0..60 { x = (x + a / x) / 2 }\n x\n}\n"
        + "var r = 0\nfor i in 0..20 { r = newton(2) }\nr"), 1e-15);
  }

  @Test
  void parallelTrialsShareTranslatedCode() {
    // each trial sums 1..n with a translated loop and calls the translated fib; 4 threads at once
    String code = FIB + "fn tri(n) {\n var s = 0\n for i in 1..=n { s += i }\n s\n}\n"
        + "let r = experiment \"t\" {\n sweep n in [1000, 2000, 3000, 4000, 5000, 6000, 7000, 8000]\n repeat 4\n"
        + " report t = tri(n + seed * 0), f = fib(15)\n}\n"
        + "var ok = 0\nfor row in rows(r) { if row.t == row.n * (row.n + 1) / 2 and row.f == 610 { ok += 1 } }\nok";
    double ok = withSession(Limits.DEFAULT, s -> {
      s.jobs(4);
      return s.eval(code).asDouble();
    });
    assertEquals(32.0, ok);
  }

  @Test
  void boolVariablesAreTranslated() {
    // bisection for sqrt(2) on [1, 2], stopped by a flag; the flag of a top-level loop too
    String bisect = "fn root(tol) {\n var lo = 1\n var hi = 2\n var done = false\n while not done {\n"
        + "  let mid = (lo + hi) / 2\n  let above = mid * mid > 2\n  if above { hi = mid } else { lo = mid }\n"
        + "  done = hi - lo < tol\n }\n lo\n}\nvar r = 0\nfor i in 0..20 { r = root(1e-12) }\nr";
    assertEquals(Math.sqrt(2), num(bisect), 1e-12);
    assertTrue(translated(bisect, "root"));
    String top = "var found = false\nvar k = 0\nwhile not found {\n k += 1\n found = k * k > 5000000\n}\n[k, found]";
    assertEquals("[2237, true]", withSession(Limits.DEFAULT, s -> s.eval(top).toString()));
    assertEquals(printed("print(" + "1)\n" + top.replace("[k, found]", "print(k, found)"), false),
        printed("print(" + "1)\n" + top.replace("[k, found]", "print(k, found)"), true));
  }

  // ------------------------------------------------------------------ tensor elements in translated loops

  /**
   * {@code [sum(m), s]} of the grid scripts below, computed in Java: 1200 increments over the 12
   * cells of a 3×4 matrix (k mod 12 covers each cell 100 times), then the weighted sum over k < 2000.
   */
  private static final String GRID_RESULT = gridResult();

  private static String gridResult() {
    double weighted = 0;
    double[][] m = new double[3][4];
    for (int k = 0; k < 1200; k++) {
      m[k % 3][k % 4] += 1;
    }
    for (int k = 0; k < 2000; k++) {
      weighted += m[k % 3][k % 4] * (k % 3 * 10 + k % 4);
    }
    return "[1200, " + (long) weighted + "]";
  }

  @Test
  void sorOnThePoissonEquationReachesTheDiscreteSolution() {
    // -u'' = 1 on (0, 1), u(0) = u(1) = 0: the 3-point scheme's solution is x (1 - x) / 2 at the nodes
    String code = "let n = 30\nlet h = 1 / (n + 1)\nvar u = zeros([n + 2])\nlet w = 1.7\n"
        + "for it in 0..3000 {\n for i in 1..=n {\n  u[i] = (1 - w) * u[i] + w * 0.5 * (u[i - 1] + u[i + 1] + h * h)\n }\n}\n"
        + "var err = 0\nfor i in 0..n + 2 {\n let x = i * h\n err = max([err, abs(u[i] - x * (1 - x) / 2)])\n}\nerr";
    assertTrue(num(code) < 1e-13, "max error " + num(code));
    String grid = "var m = zeros([3, 4])\nfor k in 0..1200 { m[k % 3, k % 4] += 1 }\nvar s = 0\n"
        + "for k in 0..2000 { s += m[k % 3, k % 4] * (k % 3 * 10 + k % 4) }\n[sum(m), s]";
    assertEquals(GRID_RESULT, withSession(Limits.DEFAULT, s -> s.eval(grid).toString()));
    assertEquals(printed(grid.replace("[sum(m), s]", "print(m, s)"), false), printed(grid.replace("[sum(m), s]", "print(m, s)"), true));
  }

  @Test
  void rowThenColumnIndicesOfAMatrixAreTranslatedAsOneElement() {
    // u[i][j] (Python's spelling) of a rank-2 tensor is u[i, j]: the same grid as above, the same
    // weighted sum, and the loops run translated
    String grid = "var m = zeros([3, 4])\nfor k in 0..1200 { m[k % 3][k % 4] += 1 }\nvar s = 0\n"
        + "for k in 0..2000 { s += m[k % 3][k % 4] * (k % 3 * 10 + k % 4) }\n[sum(m), s]";
    long before = NumericTier.LOOP_RUNS.sum();
    assertEquals(GRID_RESULT, withSession(Limits.DEFAULT, s -> s.eval(grid).toString()));
    assertEquals(2, NumericTier.LOOP_RUNS.sum() - before, "both loops translated");
    // a 2-D Poisson problem -(u_xx + u_yy) = 2 pi^2 sin(pi x) sin(pi y) by SOR on the 5-point scheme:
    // its discrete solution is c sin(pi x) sin(pi y) with c = h^2 2 pi^2 / (4 - 4 cos(pi h)) exactly
    String sor = "let n = 15\nlet h = 1 / (n + 1)\nlet pi = 3.141592653589793\nvar u = zeros([n + 2, n + 2])\n"
        + "for it in 0..600 {\n for i in 1..=n {\n  for j in 1..=n {\n"
        + "   let f = 2 * pi * pi * sin(pi * i * h) * sin(pi * j * h)\n"
        + "   u[i][j] += 1.5 * ((u[i - 1][j] + u[i + 1][j] + u[i][j - 1] + u[i][j + 1] + h * h * f) / 4 - u[i][j])\n"
        + "  }\n }\n}\nlet c = h * h * 2 * pi * pi / (4 - 4 * cos(pi * h))\n"
        + "var err = 0\nfor i in 1..=n { for j in 1..=n { err = max([err, abs(u[i][j] - c * sin(pi * i * h) * sin(pi * j * h))]) } }\nerr";
    assertTrue(num(sor) < 1e-12, "max error " + num(sor));
    // a list of rows is not a matrix: the same spelling stays in the tree and gives the list's values
    String rows = "var g = [[\"a\", 0], [\"b\", 0]]\nfor k in 0..3000 { g[k % 2][1] += 1 }\n[g[0][1], g[1][1]]";
    assertEquals("[1500, 1500]", withSession(Limits.DEFAULT, s -> s.eval(rows).toString()));
    String bad = "var u = zeros([3, 3])\nfor k in 0..3000 {\n u[k % 3][k % 3] = k\n if k > 2500 { u[1][3] = 1 }\n}";
    assertTrue(error(Limits.DEFAULT, bad, true).contains("out of range"), error(Limits.DEFAULT, bad, true));
  }

  @Test
  void aBadIndexInATranslatedLoopIsTheTreeErrorAndKeepsTheWrites() {
    String range = "var u = zeros([10])\nfor k in 0..3000 {\n u[k % 10] = k\n if k > 2500 { u[k - 2490] = 1 }\n}";
    sameErrorBothTiers(Limits.DEFAULT, range, "out of range");
    String fraction = "var u = zeros([10])\nvar s = 0\nfor k in 0..3000 {\n s += u[k % 10]\n if k == 2000 { s += u[1.5] }\n}";
    sameErrorBothTiers(Limits.DEFAULT, fraction, "must be an integer");
    withSession(Limits.DEFAULT, s -> {
      assertThrows(ExpRuntimeException.class, () -> s.eval(range));   // at k = 2501: u[1] = 2501, then u[11]
      assertEquals("[2500, 2501, 2492, 2493, 2494, 2495, 2496, 2497, 2498, 2499]", s.eval("u").toString(),
          "the writes before the error are kept");
      return null;
    });
    // negative indices count from the end, as in the tree
    assertEquals(9.0 * 3000, num("var u = [1, 2, 3, 4, 5, 6, 7, 8, 9, 10]\nvar s = 0\nfor k in 0..3000 { s += u[-2] }\ns"));
  }

  @Test
  void aTensorSharedWithAnotherVariableIsCopiedOnWriteAsInTheTree() {
    String code = "var a = zeros([4])\nlet b = a\nfor k in 0..3000 { a[k % 4] = k }\nprint(a)\nprint(b)";
    assertEquals("[2996, 2997, 2998, 2999][0, 0, 0, 0]", printed(code, true));
    assertEquals(printed(code, false), printed(code, true));
  }

  @Test
  void lenOfATensorBoundsAnInnerLoop() {
    // 3000 passes over [1, 2, ..., 7]: 3000 * 28; in a function that stays in the tree (it prints) too
    String top = "let x = [1, 2, 3, 4, 5, 6, 7]\nvar s = 0\nfor k in 0..3000 { for i in 0..len(x) { s += x[i] } }\ns";
    assertEquals(3000.0 * 28, num(top));
    String fn = "fn total(v, times) {\n print(\"go\")\n var s = 0\n for k in 0..times {\n  for i in 0..len(v) { s += v[i] * v[i] }\n }\n s\n}\n"
        + "print(total([1, 2, 3], 2000))";
    assertEquals("go28000", printed(fn, true));
    assertEquals(printed(fn, false), printed(fn, true));
  }

  @Test
  void aReturnInsideATranslatedLoopReturnsFromItsFunction() {
    // linear search in a function that stays in the tree (it prints); 2237 is the first k with k^2 > 5e6
    String code = "fn find(x, v) {\n print(\"s\")\n for i in 0..len(x) {\n  if x[i] == v { return i }\n }\n -1\n}\n"
        + "let xs = linspace(0, 1, 5001)\nprint(find(xs, xs[4321]))\nprint(find(xs, 7))\n"
        + "fn firstsq(limit) {\n print(\"q\")\n var k = 0\n while true {\n  k += 1\n  if k * k > limit { return k }\n }\n 0\n}\n"
        + "print(firstsq(5000000))";
    assertEquals("s4321s-1q2237", printed(code, true));
    assertEquals(printed(code, false), printed(code, true));
  }

  @Test
  void aScriptRunTwiceInOneSessionKeepsItsTranslatedFunctions() {
    // each run defines fib afresh (a new closure of the same code): the translated code still applies
    Engine engine = Engine.create();
    dev.exp.api.Script script = engine.compile(new Source("fib.exp", FIB + "fib(20)"));
    try (Session s = engine.newSession()) {
      assertEquals(6765.0, s.run(script).asDouble());
      assertEquals(6765.0, s.run(script).asDouble());
      assertEquals(NumericTier.COMPILED, ((Closure) s.get("fib").raw()).code.tierState);
    }
  }

  @Test
  void aLoopChecksTheGlobalTensorsItsCalleesRead() {
    // the second run finds G of another rank: the translated loop must not start (the tree then
    // gives rows, so s becomes the sum of 1000 copies of each row)
    String code = "var G = [1.0, 2, 3]\nfn g(i) = G[i]\nfn run() {\n print(\"r\")\n var s = 0\n"
        + " for k in 0..3000 { s += g(k % 3) }\n s\n}\nprint(run())\n"
        + "G = [[1.0, 2, 3], [4, 5, 6], [7, 8, 9]]\nprint(run())";
    assertEquals("r6000r[12000, 15000, 18000]", printed(code, true));
    assertEquals(printed(code, false), printed(code, true));
  }
}
