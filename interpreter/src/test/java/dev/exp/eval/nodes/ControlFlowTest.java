package dev.exp.eval.nodes;

import static org.junit.jupiter.api.Assertions.assertEquals;

import dev.exp.api.Engine;
import dev.exp.api.Session;
import org.junit.jupiter.api.Test;

/**
 * {@code return}/{@code break}/{@code continue} in every position: direct ones (completion codes)
 * and ones nested inside expressions (the thrown fallback), through nested loops and blocks.
 */
class ControlFlowTest {
  private final Engine engine = Engine.builder().build();

  private String eval(String code) {
    try (Session s = engine.newSession()) {
      return s.eval(code).toString();
    }
  }

  @Test
  void returnFromAnywhereInTheBody() {
    assertEquals("[\"neg\", \"zero\", \"pos\"]", eval("fn sign(x) {\n if x < 0 { return \"neg\" }\n"
        + " if x == 0 {\n  return \"zero\"\n }\n \"pos\"\n}\n[sign(-2), sign(0), sign(3)]"));
    assertEquals("none", eval("fn f() {\n return\n 1\n}\nf()"));
    assertEquals("[1, 2]", eval("fn f(x) = if x { return 1 } else { 2 }\n[f(true), f(false)]"));
  }

  @Test
  void returnOutOfNestedLoops() {
    assertEquals("[2, -1]", eval("fn find(xs, t) {\n for (i, x) in enumerate(xs) {\n  if x == t { return i }\n }\n -1\n}\n"
        + "[find([5, 6, 7], 7), find([5], 9)]"));
    assertEquals("[3, 2]", eval("fn f() {\n for i in 0..10 {\n  var j = 0\n  while true {\n"
        + "   if i * j == 6 { return [i, j] }\n   j += 1\n   if j > i { break }\n  }\n }\n}\nf()"));
  }

  @Test
  void returnNestedInAnExpression() {
    assertEquals("[\"pos\", -2]", eval("fn f(x) {\n let y = if x > 0 { return \"pos\" } else { x * 2 }\n y\n}\n[f(1), f(-1)]"));
    assertEquals("[7, 2]", eval("fn f(x) = 1 + if x { return 7 } else { 1 }\n[f(true), f(false)]"));
    assertEquals("5", eval("fn f() {\n for i in 0..10 {\n  let v = if i == 5 { return i } else { i }\n }\n -1\n}\nf()"));
  }

  @Test
  void breakAndContinue() {
    assertEquals("12", eval("var s = 0\nfor i in 0..10 {\n if i == 3 { continue }\n if i == 6 { break }\n s += i\n}\ns"));
    assertEquals("24", eval("fn f() {\n var out = 0\n var i = -1\n while i < 10 {\n  i += 1\n"
        + "  if i % 2 == 1 { continue }\n  if i > 4 { break }\n  out = out * 10 + i\n }\n out\n}\nf()"));
    // the inner loop's break leaves only the inner loop
    assertEquals("6", eval("var n = 0\nfor i in 0..3 {\n for j in 0..10 {\n  if j == 2 { break }\n  n += 1\n }\n}\nn"));
    // break and continue nested in expressions
    assertEquals("3", eval("var n = 0\nfor i in 0..10 {\n n = n + if i == 3 { break } else { 1 }\n}\nn"));
    assertEquals("4", eval("var n = 0\nfor i in 0..6 {\n let k = if i % 3 == 0 { continue } else { 1 }\n n += k\n}\nn"));
    assertEquals("[0, 0]", eval("var out = []\nfor i in 0..3 {\n let xs = [if j == 1 { break } else { j } for j in 0..3]\n"
        + " out = out + [i]\n}\n[len(out), 0]"));
  }

  @Test
  void aBlocksValueIsItsLastStatement() {
    assertEquals("3", eval("fn f() {\n let a = if true { 1\n 2\n 3 }\n a\n}\nf()"));
    assertEquals("none", eval("fn f() {\n var x = 1\n x = 2\n}\nf()"));
  }
}
