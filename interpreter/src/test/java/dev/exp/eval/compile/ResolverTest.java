package dev.exp.eval.compile;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.exp.api.Engine;
import dev.exp.api.ExpException;
import dev.exp.api.ExpSyntaxException;
import dev.exp.api.Session;
import org.junit.jupiter.api.Test;

/**
 * The resolver: every way a name can resolve (local slot, captured cell, global, builtin), shadowing,
 * loop variables, closures over loop variables, recursion, and slot reuse between sibling blocks
 * (where a slot may still hold an unboxed number of the previous variable). Expected values are
 * worked out by hand.
 */
class ResolverTest {
  private final Engine engine = Engine.builder().build();

  private String eval(String code) {
    try (Session s = engine.newSession()) {
      return s.eval(code).toString();
    }
  }

  private String staticError(String code) {
    try (Session s = engine.newSession()) {
      return assertThrows(ExpSyntaxException.class, () -> s.eval(code)).getMessage();
    }
  }

  @Test
  void localsAndAssignments() {
    assertEquals("3", eval("fn f() {\n let a = 1\n var b = 2\n b += a\n b\n}\nf()"));
    assertEquals("12", eval("fn f(x) {\n x = x * 3\n x\n}\nf(4)"));   // parameters are assignable
  }

  @Test
  void shadowingInNestedBlocksAndOfGlobals() {
    assertEquals("21", eval("fn f() {\n let x = 1\n let y = if true {\n  let x = 2\n  x * 10\n }\n x + y\n}\nf()"));
    assertEquals("2", eval("let x = 100\nfn f(x) = x + 1\nf(1)"));
    assertEquals("[1, 100]", eval("let x = 100\nfn f() {\n let x = 1\n x\n}\n[f(), x]"));
    assertEquals("7", eval("let len = 7\nlen"));   // a global shadows a builtin
  }

  @Test
  void globalsReadAndWrittenByFunctions() {
    assertEquals("2", eval("var count = 0\nfn inc() { count += 1 }\ninc()\ninc()\ncount"));
    assertEquals("[10, 30]", eval("var g = 10\nfn get() = g\nlet a = get()\ng = g * 3\n[a, get()]"));
  }

  @Test
  void capturedVariablesAreSharedCells() {
    assertEquals("[2, 1]", eval("fn counter() {\n var n = 0\n fn () {\n  n += 1\n  n\n }\n}\n"
        + "let c = counter()\nlet d = counter()\nc()\n[c(), d()]"));
    assertEquals("5", eval("fn f() {\n var x = 1\n let g = () => x\n x = 5\n g()\n}\nf()"));
    // two levels down: the middle function passes the cell on
    assertEquals("3", eval("fn a() {\n var x = 1\n fn b() {\n  fn c() { x += 2 }\n  c()\n }\n b()\n x\n}\na()"));
    // a captured parameter
    assertEquals("11", eval("fn adder(k) = (v) => v + k\nadder(10)(1)"));
  }

  @Test
  void closuresCaptureEachIterationsLoopVariable() {
    assertEquals("[0, 10, 20]", eval("let fs = [() => i * 10 for i in 0..3]\n[f() for f in fs]"));
    assertEquals("[0, 1, 2]", eval("fn f() {\n var fs = []\n for i in 0..3 { fs = fs + [() => i] }\n"
        + " [g() for g in fs]\n}\nf()"));
    assertEquals("[\"a\", \"b\"]", eval("var fs = []\nfor s in [\"a\", \"b\"] { fs = fs + [() => s] }\n[g() for g in fs]"));
  }

  @Test
  void loopVariablesAreFreshAndReadable() {
    assertEquals("45", eval("fn f() {\n var t = 0\n for i in 0..10 { t += i }\n t\n}\nf()"));
    assertEquals("[0, 2, 4]", eval("[i * 2 for i in 0..3]"));
    assertEquals("9", eval("fn f() {\n var t = 0\n for i in 0..3 {\n  for j in 0..2 { t += i + j }\n }\n t\n}\nf()"));
    // a generic read of the loop variable (passed to a function) must not freeze its value
    assertEquals("[0, 1, 2, 3]", eval("fn f() {\n var xs = []\n for i in 0..4 { xs = xs + [str(i)] }\n"
        + " [num(x) for x in xs]\n}\nf()"));
  }

  @Test
  void recursion() {
    assertEquals("120", eval("fn outer(n) {\n fn fact(k) = if k <= 1 { 1 } else { k * fact(k - 1) }\n fact(n)\n}\nouter(5)"));
    assertEquals("[true, false]", eval("fn ev(n) = if n == 0 { true } else { od(n - 1) }\n"
        + "fn od(n) = if n == 0 { false } else { ev(n - 1) }\n[ev(10), ev(7)]"));
    assertEquals("55", eval("let fib = (n) => if n < 2 { n } else { fib(n - 1) + fib(n - 2) }\nfib(10)"));
  }

  @Test
  void siblingBlocksReuseSlotsWhateverTheyHeld() {
    assertEquals("2.5", eval("fn f() {\n var t = 0\n if true {\n  let a = 1.5\n  t += a\n }\n"
        + " if true {\n  let b = \"s\"\n  t += len(b)\n }\n t\n}\nf()"));
    assertEquals("s", eval("fn f() {\n if true { let a = 2 * 3\n a }\n if true { let b = \"s\"\n b }\n}\nf()"));
  }

  @Test
  void aVariableMayChangeKind() {
    assertEquals("6", eval("fn f() {\n var x = 0\n for i in 0..4 { x = if i == 2 { \"s\" } else { i * 2 } }\n x\n}\nf()"));
    assertEquals("[3, tensor([3, 6]), 6]", eval("fn g(v) {\n var acc = 0\n for i in 0..3 { acc = acc + v }\n acc\n}\n"
        + "[g(1), g([1, 2]), g(2)]"));
  }

  @Test
  void staticErrorsNameTheVariable() {
    assertTrue(staticError("fn f() {\n let a = 1\n a = 2\n}").contains("cannot assign to 'a': it is declared with let at line 2"));
    assertTrue(staticError("fn f() {\n let total = 1\n totl\n}").contains("undefined name 'totl'; did you mean 'total'?"));
    assertTrue(staticError("fn f() {\n let k = 1\n fn () { k = 2 }\n}").contains("cannot assign to 'k'"));
    assertTrue(staticError("fn f() { return 1 }\nreturn 2").contains("'return' outside a function"));
    // names that no let binds say what binds them (and not "declare it with var")
    assertTrue(staticError("for x in 0..3 { x = 5 }").contains("cannot assign to 'x': it is a loop variable, bound at line 1"));
    assertTrue(staticError("let ys = [fn () { x = 1 } for x in 0..2]").contains("'x': it is a loop variable"));
    assertTrue(staticError("fn f() = 1\nf = 2").contains("cannot assign to 'f': it is the function defined at line 1"));
    assertTrue(staticError("fn g() {\n fn h() = 1\n h = 2\n}").contains("'h': it is the function defined at line 2"));
    assertTrue(staticError("let r = experiment \"e\" {\n sweep n in [1]\n n = 2\n report y = n\n}")
        .contains("cannot assign to 'n': it is a swept parameter of the experiment, bound at line 2"));
    assertTrue(staticError("let r = experiment \"e\" {\n repeat 2\n seed = 9\n report y = seed\n}")
        .contains("cannot assign to 'seed': it is the trial's seed"));
    assertTrue(staticError("fn f() { break }").contains("'break' outside a loop"));
    // a block's names are gone after it
    assertTrue(staticError("fn f() {\n if true { let inner = 1 }\n inner\n}").contains("undefined name 'inner'"));
  }

  @Test
  void useBeforeDefinitionAtRunTime() {
    try (Session s = engine.newSession()) {
      ExpException e = assertThrows(ExpException.class, () -> s.eval("fn f() = later\nlet a = f()\nlet later = 1"));
      assertTrue(e.getMessage().contains("'later' is used before it is defined"), e.getMessage());
    }
  }
}
