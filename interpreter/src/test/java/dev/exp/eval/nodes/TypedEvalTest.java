package dev.exp.eval.nodes;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.exp.api.Engine;
import dev.exp.api.ExpException;
import dev.exp.api.Session;
import org.junit.jupiter.api.Test;

/**
 * Typed evaluation gives the values and errors of generic evaluation: IEEE special values, floored
 * modulo, mixes of numbers with bools, strings, none and tensors, and sites that see several kinds
 * (a typed site falls back to the generic operators). Expected values are IEEE 754 / the language
 * reference; error texts are the ones the generic evaluator printed before typed evaluation.
 */
class TypedEvalTest {
  private final Engine engine = Engine.builder().build();

  private String eval(String code) {
    try (Session s = engine.newSession()) {
      return s.eval(code).toString();
    }
  }

  private double num(String code) {
    try (Session s = engine.newSession()) {
      return s.eval(code).asDouble();
    }
  }

  private String error(String code) {
    try (Session s = engine.newSession()) {
      return assertThrows(ExpException.class, () -> s.eval(code)).getMessage();
    }
  }

  /** The same expression at the top level (globals), in a function (locals) and in a loop (hot site). */
  private void same(String expected, String expr) {
    assertEquals(expected, eval(expr), expr);
    assertEquals(expected, eval("fn f() {\n let r = " + expr + "\n r\n}\nf()"), "in a function: " + expr);
    assertEquals(expected, eval("fn f() {\n var r = none\n for i in 0..3 { r = " + expr + " }\n r\n}\nf()"),
        "in a loop: " + expr);
  }

  @Test
  void nanComparesFalseExceptNotEqual() {
    assertEquals("[false, true, false, false, false, false]",
        eval("let n = 0 / 0\n[n == n, n != n, n < 1, n >= 1, n > n, n <= n]"));
    assertTrue(Double.isNaN(num("fn f() {\n var n = 0\n n = n / 0\n n\n}\nf()")));
  }

  @Test
  void signedZeroAndDivisionByZero() {
    assertEquals(Double.doubleToRawLongBits(-0.0), Double.doubleToRawLongBits(num("fn f(x) = -x\nf(0)")));
    assertEquals(Double.doubleToRawLongBits(-0.0), Double.doubleToRawLongBits(num("var z = 0\nz = z * -1\nz")));
    same("true", "-0.0 == 0.0");
    assertEquals(Double.NEGATIVE_INFINITY, num("1 / -0.0"));
    assertEquals(Double.NEGATIVE_INFINITY, num("fn f(a, b) = a / (b * -1)\nf(1, 0)"));
    assertEquals(Double.POSITIVE_INFINITY, num("fn f(a) = a / 0\nf(1)"));
    assertTrue(Double.isNaN(num("fn f(a) = a % 0\nf(5)")));
  }

  @Test
  void flooredModuloAndPower() {
    same("[2, -2, 1.5, 0.5]", "[-7 % 3, 7 % -3, 5.5 % 2, -5.5 % 2]");
    same("[1024, 1, 0.25]", "[2 ^ 10, 0 ^ 0, 2 ^ -2]");
    assertEquals(Math.sqrt(2), num("fn f(x) = x ^ 0.5\nf(2)"));
    assertTrue(Double.isNaN(num("fn f(x) = x ^ (1 / 3)\nf(-8)")));
    assertEquals(4.0 - 3 * 0.5 * 2 + 0.5 / 8, num("fn f(a, b) = a - 3 * b * 2 + b / 2 ^ 3\nf(4, 0.5)"));
  }

  @Test
  void mixedKinds() {
    same("[2, 3]", "1 + [1, 2]");
    same("[1, 0]", "[1, 2] < 2");
    same("[1, 0]", "[1, 2] == [1, 3]");
    same("[false, true, true, false]", "[1 == \"a\", \"a\" < \"b\", none == none, true == 1]");
    same("ab", "\"a\" + \"b\"");
    same("2", "true + 1");   // a bool is a 0-d tensor operand, as before
    same("[false, true, false]", "[not true, 2 > 1 or false, 2 > 1 and 1 > 2]");
  }

  @Test
  void aSiteThatSeesSeveralKinds() {
    assertEquals("[3, tensor([4, 6]), \"ab\", 7, true, tensor([1, 0])]", eval("fn add(a, b) = a + b\nfn lt(a, b) = a < b\n"
        + "[add(1, 2), add([1, 2], [3, 4]), add(\"a\", \"b\"), add(3, 4), lt(1, 2), lt([1, 2], 2)]"));
    assertEquals("[-3, tensor([-1, -2]), -4]", eval("fn neg(a) = -a\n[neg(3), neg([1, 2]), neg(4)]"));
    // the accumulator becomes a tensor half-way and stays one
    assertEquals("[5, 6]", eval("fn f() {\n var acc = 0\n for i in 0..4 { acc += if i == 2 { [1, 2] } else { i } }\n acc\n}\nf()"));
  }

  @Test
  void conditionsAcceptBoolsAndOneElementTensors() {
    assertEquals("yes", eval("fn f(x) = if x < 5 { \"yes\" } else { \"no\" }\nf([3])"));
    assertEquals("3", eval("fn f() {\n var k = 0\n while [k] < 3 { k += 1 }\n k\n}\nf()"));
  }

  @Test
  void errorsAreTheGenericOnes() {
    assertTrue(error("fn f(a) = a - 2\nf(\"s\")").contains("operator '-' cannot combine a string and a number"));
    assertTrue(error("var x = 1\nx += \"a\"").contains("operator '+' cannot combine a number and a string"));
    assertTrue(error("1 < \"a\"").contains("operator '<' cannot combine a number and a string"));
    assertTrue(error("fn f(b) = b >= 0\nf(true)").contains("operator '>=' cannot order a bool and a number: bools have no order"));
    assertTrue(error("(1 < 2) < (3 < 4)").contains("operator '<' cannot order a bool and a bool"));
    assertTrue(error("fn f(c) = if c { 1 } else { 2 }\nf(1)").contains("condition must be a bool, got a number"));
    assertTrue(error("let t = [1, 2]\nif t < 5 { 1 }").contains("condition must be a bool, got a tensor of shape [2]"));
    assertTrue(error("fn f(x) {\n var k = 0\n while x { k += 1 }\n}\nf(2)").contains("condition must be a bool"));
    assertTrue(error("[x for x in 0..3 if 1]").contains("condition must be a bool, got a number"));
    assertTrue(error("fn f(x) = not x\nf(1)").contains("'not' needs a bool, got a number"));
    assertTrue(error("fn f(x) = x and true\nf(1)").contains("'and' needs bools, got a number"));
    assertTrue(error("fn f(x) = -x\nf(\"a\")").contains("unary '-' needs a number or tensor, got a string"));
    assertTrue(error("fn f(x) = +x\nf(\"a\")").contains("unary '+' needs a number or tensor, got a string"));
    assertTrue(error("1 @ 2").contains("operator '@' needs tensors, got two numbers"));
  }
}
