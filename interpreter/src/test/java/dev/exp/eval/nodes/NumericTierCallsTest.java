package dev.exp.eval.nodes;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.exp.api.Engine;
import dev.exp.api.ExpRuntimeException;
import dev.exp.api.Session;
import dev.exp.api.Source;
import java.util.function.Function;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/**
 * What the numeric tier calls besides arithmetic: library kernels that promise a number (random
 * draws) from translated loops, predicates (functions whose value is a bool), and loops that write
 * into tensors their variable does not own yet. Values are closed forms or exact identities of the
 * specified generator; errors are compared with the tree.
 */
class NumericTierCallsTest {
  @AfterEach
  void tierBackOn() {
    NumericTier.enabled = true;
  }

  private static <T> T session(Function<Session, T> body) {
    try (Session s = Engine.builder().build().newSession()) {
      return body.apply(s);
    }
  }

  private static double num(String code) {
    return session(s -> s.eval(code).asDouble());
  }

  private static long loopRuns(String code) {
    long before = NumericTier.LOOP_RUNS.sum();
    session(s -> s.eval(code));
    return NumericTier.LOOP_RUNS.sum() - before;
  }

  private static String error(String code, boolean tier) {
    NumericTier.enabled = tier;
    try {
      return session(s -> {
        ExpRuntimeException e = assertThrows(ExpRuntimeException.class, () -> s.eval(new Source("t.exp", code)));
        return e.render() + "\n" + e.scriptStack();
      });
    } finally {
      NumericTier.enabled = true;
    }
  }

  @Test
  void randomKernelsAreCalledFromATranslatedLoop() {
    // degenerate laws have exact values: uniform(2, 2) = 2, normal(1, 0) = 1, randint(3, 4) = 3
    String exact = "var s = 0\nfor i in 0..3000 { s += uniform(2, 2) + normal(1, std: 0) + randint(3, 4) }\ns";
    assertEquals(3000.0 * 6, num(exact));
    assertEquals(1, loopRuns(exact), "the loop continued translated");
    // a seeded draw is the same draw wherever it is made
    assertEquals(1.0, num("let u = uniform(seed: 5)\nvar same = 1\nfor i in 0..3000 { if uniform(seed: 5) != u { same = 0 } }\nsame"));
    // the mean of n uniform draws from the session stream: 1/2 within 5 standard errors sqrt(1/(12 n))
    double n = 200_000;
    double mean = num("var s = 0\nfor i in 0..200000 { s += uniform() }\ns / 200000");
    assertEquals(0.5, mean, 5 * Math.sqrt(1 / (12 * n)));
    // the session stream advances exactly as in the tree: the draw after the loop is the same
    String after = "var s = 0\nfor i in 0..3000 { s += normal() }\n[s, uniform()]";
    NumericTier.enabled = false;
    String tree = session(s -> s.eval(after).toString());
    NumericTier.enabled = true;
    assertEquals(tree, session(s -> s.eval(after).toString()));
  }

  @Test
  void aKernelErrorInATranslatedLoopIsTheTreeError() {
    String code = "var s = 0\nfor i in 0..3000 {\n let hi = if i < 2000 { 1 } else { -1 }\n s += uniform(0, hi)\n}";
    String tree = error(code, false);
    assertTrue(tree.contains("uniform: need finite low <= high"), tree);
    assertEquals(tree, error(code, true));
  }

  @Test
  void aKernelWithATensorResultKeepsTheLoopInTheTree() {
    // shape: gives a tensor, so the loop is not translated and the tree sums tensors
    assertEquals(3000.0 * 4, num("var s = 0\nfor i in 0..3000 { s += sum(uniform(1, 1, [4])) }\ns"));
  }

  @Test
  void predicatesAreTranslated() {
    String div3 = "fn div3(x) = x % 3 == 0\n";
    assertEquals(100.0, num(div3 + "len(filter(0..300, div3))"));
    boolean translated = session(s -> {
      s.eval(div3 + "len(filter(0..300, div3))");
      return ((Closure) s.get("div3").raw()).code.tierState == NumericTier.COMPILED;
    });
    assertTrue(translated);
    // called from the tree's typed paths: a condition, and arithmetic on a bool (true counts 1)
    assertEquals(100.0, num(div3 + "var c = 0\nfor i in 0..300 { if div3(i) { c += 1 } }\nc"));
    assertEquals(400.0, num(div3 + "var c = 0\nfor i in 0..300 { c += div3(i) + 1 }\nc"));
    String bad = div3 + "for i in 0..300 { if div3(i) { let s = \"x\" + div3(i) } }";
    String tree = error(bad, false);
    assertEquals(tree, error(bad, true));
    // a lambda predicate over a tensor: multiples of 7 below 7000
    assertEquals(1000.0, num("len(filter(0..7000, x => x % 7 == 0 and x >= 0))"));
  }

  @Test
  void aLoopWritingAFreshTensorRunsTranslatedAndCopiesOnlyWhatItMust() {
    // each call fills a fresh zeros([n]): sum of i^2 for i < n is (n-1) n (2n-1) / 6
    String fill = "fn squares(n) {\n var u = zeros([n])\n for i in 0..n { u[i] = i * i }\n sum(u)\n}\n";
    double n = 2000;
    assertEquals((n - 1) * n * (2 * n - 1) / 6, num(fill + "var t = 0\nfor k in 0..5 { t = squares(2000) }\nt"));
    assertEquals(5, loopRuns(fill + "for k in 0..5 { squares(2000) }"), "every call after the first runs the loop translated");
    // the tensor another variable still holds is not changed
    String shared = "let z = zeros([3])\nfn fill(v) {\n var u = v\n for i in 0..1500 { u[i % 3] = i }\n u\n}\n"
        + "let a = fill(z)\nlet b = fill(z)\n[sum(a), sum(b), sum(z)]";
    assertEquals("[4494, 4494, 0]", session(s -> s.eval(shared).toString()));
  }

  @Test
  void closuresReadTheNumbersTheyCaptureAsTheyAreNow() {
    // sum of (k i + 1) for i < n is k n (n - 1) / 2 + n
    String scaled = "fn scaled(n, k) {\n let f = x => x * k + 1\n var s = 0\n for i in 0..n { s += f(i) }\n s\n}\n";
    assertEquals(2.0 * 3000 * 2999 / 2 + 3000, num(scaled + "scaled(3000, 2)"));
    boolean translated = session(s -> {
      s.eval("fn make(k) = x => x * k\nlet g = make(3)\nvar t = 0\nfor i in 0..100 { t += g(i) }");
      return ((Closure) s.get("g").raw()).code.tierState == NumericTier.COMPILED;
    });
    assertTrue(translated, "a lambda that reads a captured number is translated");
    // the captured variable changes between calls: each call reads its value then (c = 0.5 + i)
    String moving = "fn f(n) {\n var c = 0.5\n let g = x => x + c\n var s = 0\n"
        + " for i in 0..n { s += g(i)\n c = c + 1 }\n s\n}\nf(3000)";
    assertEquals(2.0 * 3000 * 2999 / 2 + 0.5 * 3000, num(moving));
    // a captured bool as a condition, flipped half-way: sum of i for i <= 1500 minus the rest
    String flag = "fn f(n) {\n var up = true\n let h = x => if up { x } else { -x }\n var s = 0\n"
        + " for i in 0..n { s += h(i)\n if i == 1500 { up = false } }\n s\n}\nf(3000)";
    assertEquals(1500.0 * 1501 / 2 - (1501.0 + 2999) * 1499 / 2, num(flag));
    // a capture that stops being a number: the tree takes over and broadcasts
    String becomes = "fn f() {\n var k = 2\n let g = x => x * k\n var s = 0\n for i in 0..100 { s += g(1) }\n"
        + " k = [1, 2]\n [s, g(1)]\n}\nf()";
    String value = session(s -> s.eval(becomes).toString());
    assertEquals("[200, tensor([1, 2])]", value);
  }

  @Test
  void aLoopInAClosureReadsItsCapturesTranslated() {
    // the loop runs in the lambda's frame and reads the captured step d: 3000 (d) plus the sum of i
    String code = "fn make(d) = fn (n) {\n var s = 0\n for i in 0..n { s += d + i }\n s\n}\nlet run = make(2)\nrun(3000)";
    assertEquals(2.0 * 3000 + 3000.0 * 2999 / 2, num(code));
    assertEquals(1, loopRuns(code));
    // a captured tensor is not a number: the loop stays in the tree and the value is the tree's
    String tensor = "fn make(d) = fn (n) {\n var s = 0\n for i in 0..n { s += d + i }\n s\n}\nlet run = make([1, 1])\nrun(3000)";
    String value = session(s -> s.eval(tensor).toString());
    assertEquals("[4501500, 4501500]", value);
  }

  @Test
  void aLoopCallsClosuresHeldByVariables() {
    // a top-level closure with captures: 3 times the sum of i below 3000
    String global = "fn make(k) = x => x * k\nlet g = make(3)\nvar t = 0\nfor i in 0..3000 { t += g(i) }\nt";
    assertEquals(3.0 * 2999 * 3000 / 2, num(global));
    assertEquals(1, loopRuns(global));
    // locals holding closures, with and without captures: sum of i^2 + i / 2
    String locals = "fn make(k) = x => x * k\nfn run(n) {\n let sq = x => x * x\n let h = make(0.5)\n var s = 0\n"
        + " for i in 0..n { s += sq(i) + h(i) }\n s\n}\nrun(3000)";
    assertEquals(2999.0 * 3000 * 5999 / 6 + 0.5 * 2999 * 3000 / 2, num(locals));
    assertEquals(1, loopRuns(locals));
    // the variable holds another closure in a later run: checked on entry, the new one is called
    String swapped = "fn make(k) = x => x * k\nvar t = 0\nfor r in 0..2 {\n let f = if r == 0 { make(1) } else { x => 2 }\n"
        + " for i in 0..2000 { t += f(i) }\n}\nt";
    assertEquals(1999.0 * 2000 / 2 + 2 * 2000, num(swapped));
    // an error inside the callee keeps the callee's frame in the script stack, as in the tree
    String bad = "fn run(n) {\n let f = fn (x) {\n  var s = 0\n  for j in 0..(if x < 2500 { 1 } else { 0.5 }) { s += j }\n  s\n }\n"
        + " var s = 0\n for i in 0..n { s += f(i) }\n s\n}\nrun(3000)";
    assertTrue(error(bad, false).contains("the end of a range must be an integer, got 0.5"), error(bad, false));
    assertEquals(error(bad, false), error(bad, true));
  }

  @Test
  void tensorsAreReadOnEntryWithoutChangingWhatTheCodeDoes() {
    // a function that indexes a global only on one branch: while the global is not a tensor the
    // call runs in the tree (the value is the same), and the branch that indexes it is never taken
    String branch = "var t = none\nfn f(x) = if x < 0 { t[0] } else { x * 2 }\nvar s = 0\nfor i in 0..100 { s += f(i) }\ns";
    assertEquals(2.0 * 99 * 100 / 2, num(branch));
    // two variables share a tensor: the loop writes one (copied on entry), reads the other unchanged
    String shared = "var a = zeros([2000])\nvar b = a\nvar s = 0\nfor i in 0..2000 {\n a[i] = i\n s += b[i] + a[i]\n}\n[s, sum(a), sum(b)]";
    String value = session(x -> x.eval(shared).toString());
    assertEquals("[1999000, 1999000, 0]", value);
    // a 2-d stencil: each interior point becomes the sum of its 4 neighbours of the old grid (copied)
    String grid = "var g = zeros([40, 40])\nfor i in 0..40 { for j in 0..40 { g[i, j] = i + 2 * j } }\nlet old = g * 1\nvar s = 0\n"
        + "for i in 1..39 { for j in 1..39 { s += old[i - 1, j] + old[i + 1, j] + old[i, j - 1] + old[i, j + 1] - 4 * old[i, j] } }\ns";
    assertEquals(0.0, num(grid), "the discrete Laplacian of a linear function is zero");
  }
}
