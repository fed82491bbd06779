package dev.exp.repl;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.exp.api.Engine;
import dev.exp.api.Session;
import dev.exp.api.Value;
import java.util.List;
import org.jline.utils.AttributedString;
import org.junit.jupiter.api.Test;

/** The REPL's pieces without a terminal: completeness, completion, highlighting, previews. */
class ReplPartsTest {
  @Test
  void unfinishedInputIsDecidedByTheParser() {
    assertTrue(ExpLineParser.incomplete("fn f(x) {"));
    assertTrue(ExpLineParser.incomplete("let xs = [1,"));
    assertTrue(ExpLineParser.incomplete("print(\"abc"));
    assertTrue(ExpLineParser.incomplete("1 +"));
    assertFalse(ExpLineParser.incomplete("1 + 2"));
    assertFalse(ExpLineParser.incomplete("1 + + * 2"), "an error before the end is reported, not continued");
    assertFalse(ExpLineParser.incomplete(")"));
    assertFalse(ExpLineParser.incomplete(":help"));
  }

  @Test
  void completionOffersKeywordsGlobalsNamespacesAndMembers() {
    try (Session s = Engine.builder().build().newSession()) {
      s.eval("let my_value = 3");
      ExpCompleter c = new ExpCompleter(new Names(s));
      assertTrue(c.candidates("lin", "lin").contains("linalg"));
      assertFalse(c.candidates("lin", "lin").contains("linalg.solve"), "members only after the dot");
      assertTrue(c.candidates("linalg.so", "linalg.so").contains("linalg.solve"));
      assertTrue(c.candidates("my_", "my_").contains("my_value"));
      assertTrue(c.candidates("exper", "exper").contains("experiment"));
      assertTrue(c.candidates("ran", "ran").containsAll(List.of("rand", "randn")));
      assertEquals(List.of(":load"), c.candidates(":lo", ":lo"));
    }
  }

  @Test
  void highlightingStylesKeywordsNumbersAndStrings() {
    AttributedString h = new ExpHighlighter().highlight("let x = 42 # note\nprint(\"hi\")");
    assertEquals("let x = 42 # note\nprint(\"hi\")", h.toString(), "text unchanged");
    assertEquals(ExpHighlighter.KEYWORD, h.styleAt(0));
    assertEquals(ExpHighlighter.NUMBER, h.styleAt(8));
    assertEquals(ExpHighlighter.COMMENT, h.styleAt(11));
    assertEquals(ExpHighlighter.STRING, h.styleAt(24));
    assertTrue(h.styleAt(4).equals(org.jline.utils.AttributedStyle.DEFAULT), "identifiers plain");
  }

  @Test
  void compactNumbersKeepSixSignificantDigits() {
    assertEquals("0.333333", Preview.compact(1.0 / 3));
    assertEquals("-2.5", Preview.compact(-2.5));
    assertEquals("42", Preview.compact(42));
    assertEquals("1.23457e+09", Preview.compact(1234567890.0));
    assertEquals("-1.5e-07", Preview.compact(-1.5e-7));
    assertEquals("nan", Preview.compact(Double.NaN).toLowerCase());
  }

  /** A value made by a script (the REPL shows only such values). */
  private static Value eval(String code) {
    try (Session s = Engine.create().newSession()) {
      return s.eval(code);
    }
  }

  /** A host value converted as the API converts it (lists, records). */
  private static Value host(Object java) {
    try (Session s = Engine.create().newSession()) {
      return s.set("v", java).get("v");
    }
  }

  @Test
  void smallValuesPrintExactlyLargeOnesArePreviewed() {
    Preview p = new Preview(80);
    assertEquals("[1, 2, 3]", p.show(eval("[1, 2, 3]")));
    double[][] d = new double[100][10];
    for (int i = 0; i < 1000; i++) {
      d[i / 10][i % 10] = i;
    }
    String big = p.show(host(d));
    assertTrue(big.startsWith("tensor [100, 10]\n"), big);
    assertTrue(big.contains("[  0,   1,   2, ...,   7,   8,   9]"), big);
    assertTrue(big.contains("[990, 991, 992, ..., 997, 998, 999]"), big);
    assertEquals(8, big.lines().count(), big);
    String list = p.show(host(java.util.stream.IntStream.range(0, 100).mapToObj(i -> "item" + i).toList()));
    assertTrue(list.length() <= 80 && list.endsWith("... (100 items)]"), list);
    java.util.Map<String, Object> rec = new java.util.LinkedHashMap<>();
    for (int i = 0; i < 30; i++) {
      rec.put("field" + i, (double) i);
    }
    String r = p.show(host(rec));
    assertTrue(r.length() <= 80 && r.contains("more fields)}"), r);
  }

  @Test
  void complexValuesAndViewsPreview() {
    Preview p = new Preview(80);
    assertEquals("1+2i", p.show(eval("1+2i")));
    assertEquals("[1+2i, -0.5i]", p.show(eval("[1+2i, -0.5i]")));
    assertEquals("0.333333-2.5e-07i", Preview.compactComplex(1.0 / 3, -2.5e-7));
    // element (i, j) of the [10, 100] matrix is 100 i + j - 1i; its transpose is a view
    String big = p.show(eval("(reshape(linspace(0, 999, 1000), [10, 100]) - 1i).T"));
    assertTrue(big.startsWith("tensor [100, 10]\n"), big);
    assertTrue(big.contains("[99-1i, 199-1i, 299-1i, ..., 799-1i, 899-1i, 999-1i]") && big.contains("[  -1i, 100-1i"), big);
  }
}
