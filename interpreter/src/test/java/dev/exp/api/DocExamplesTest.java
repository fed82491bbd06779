package dev.exp.api;

import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;

/**
 * The documentation's worked examples are checked: every "Example: EXPR is VALUE" in a builtin's or
 * kernel's doc whose EXPR runs on its own (no names defined elsewhere) and whose VALUE starts with a
 * literal must evaluate to that literal: exactly when it is an integer or arithmetic on numbers
 * ({@code 2 + 3/2}), else within half a unit of its last printed digit. The values are
 * the docs' own (hand-computed or taken from NumPy/SciPy when written), so a wrong example or a
 * changed kernel both fail here.
 */
class DocExamplesTest {
  private static final Pattern EXAMPLE = Pattern.compile("Example: (.+?) is (.+)");
  private static final Pattern DECIMALS = Pattern.compile("\\d\\.(\\d+)");

  @Test
  void examplesEvaluateToTheValuesTheDocsGive() {
    Engine engine = Engine.create();
    List<String> failures = new ArrayList<>();
    int checked = 0;
    for (String name : engine.functionNames()) {
      String help = engine.help(name);
      for (String sentence : help.split("(?<=[.;)]) (?=Example: )|\n")) {
        Matcher m = EXAMPLE.matcher(sentence.replace('−', '-'));
        if (!m.find()) {
          continue;
        }
        String expr = m.group(1);
        String expected = literalPrefix(engine, m.group(2));
        if (expected == null || expr.contains(";")) {
          continue;
        }
        Value actual;
        try (Session s = engine.newSession()) {
          actual = s.eval(expr);
        } catch (ExpException e) {
          continue;   // the example needs values defined around it (x, res, seq, ...)
        }
        checked++;
        int d = decimals(expected);   // a value printed with d decimals is good to half a unit in the last
        double atol = d == 0 || expected.matches(".*[*/].*") ? 1e-12 : 0.5 * Math.pow(10, -d);
        try (Session s = engine.newSession()) {
          s.set("actual", actual);
          s.eval("assert_close(actual, " + expected + ", rtol: 1e-12, atol: " + atol + ")");
        } catch (ExpException e) {
          failures.add(name + ": " + expr + " is " + expected + ", got " + actual.repr() + " (" + e.getMessage() + ")");
        }
      }
    }
    assertTrue(failures.isEmpty(), String.join("\n", failures));
    assertTrue(checked >= 70, "only " + checked + " examples were checkable");
  }

  /** The longest prefix of {@code text} that is a literal of numbers (a number, tensor or complex value), or null. */
  private static String literalPrefix(Engine engine, String text) {
    if (!text.matches("^[-\\[0-9.i].*")) {
      return null;
    }
    for (int end = text.length(); end > 0; end--) {
      String p = text.substring(0, end).strip();
      if (p.isEmpty() || !p.matches("[-+*/()\\[\\]0-9.,eE i]+") || p.endsWith(",") || p.endsWith(".")) {
        continue;
      }
      try (Session s = engine.newSession()) {
        Value v = s.eval(p);
        if (!v.isNone()) {
          return p;
        }
      } catch (ExpException e) {
        // not a literal yet: try a shorter prefix
      }
    }
    return null;
  }

  private static int decimals(String literal) {
    int most = 0;
    Matcher m = DECIMALS.matcher(literal);
    while (m.find()) {
      most = Math.max(most, m.group(1).length());
    }
    return most;
  }
}
