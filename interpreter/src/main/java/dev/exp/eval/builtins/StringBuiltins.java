package dev.exp.eval.builtins;

import dev.exp.eval.runtime.ExpError;
import dev.exp.eval.runtime.Record;
import dev.exp.eval.runtime.Values;
import dev.exp.syntax.Loc;
import dev.exp.tensor.Tensor;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/** Text helpers: split, replace, strip, lower, upper, starts_with, ends_with, and contains (also for collections). */
final class StringBuiltins {
  private StringBuiltins() {}

  static void install(Map<String, Object> g) {
    Builtins.add(g, "split", new String[] {"s", "sep"}, 1,
        "The pieces of s between occurrences of sep, as a list of strings: split(\"a,b,,c\", \",\") is "
            + "[\"a\", \"b\", \"\", \"c\"]. Without sep, splits at runs of whitespace and drops leading and "
            + "trailing whitespace: split(\" 1  2 \") is [\"1\", \"2\"].",
        (ctx, a, loc) -> {
          String s = text(a[0], "split", "s", loc);
          List<Object> out = new ArrayList<>();
          if (a[1] == null) {
            for (String p : s.strip().split("\\s+")) {
              if (!p.isEmpty()) {
                out.add(p);
              }
            }
          } else {
            String sep = text(a[1], "split", "sep", loc);
            if (sep.isEmpty()) {
              throw new ExpError("split: sep must not be empty (list(s) gives the characters)", loc);
            }
            int from = 0;
            for (int at = s.indexOf(sep); at >= 0; at = s.indexOf(sep, from)) {
              out.add(s.substring(from, at));
              from = at + sep.length();
            }
            out.add(s.substring(from));
          }
          return Values.list(out);
        });
    Builtins.add(g, "replace", new String[] {"s", "old", "new"}, 3,
        "s with every occurrence of old replaced by new (plain text, not a pattern): replace(\"a-b-c\", \"-\", \"+\") "
            + "is \"a+b+c\".",
        (ctx, a, loc) -> {
          String old = text(a[1], "replace", "old", loc);
          if (old.isEmpty()) {
            throw new ExpError("replace: old must not be empty", loc);
          }
          return text(a[0], "replace", "s", loc).replace(old, text(a[2], "replace", "new", loc));
        });
    Builtins.add(g, "strip", new String[] {"s"}, 1, "s without leading and trailing whitespace.",
        (ctx, a, loc) -> text(a[0], "strip", "s", loc).strip());
    Builtins.add(g, "lower", new String[] {"s"}, 1, "s in lower case.",
        (ctx, a, loc) -> text(a[0], "lower", "s", loc).toLowerCase(Locale.ROOT));
    Builtins.add(g, "upper", new String[] {"s"}, 1, "s in upper case.",
        (ctx, a, loc) -> text(a[0], "upper", "s", loc).toUpperCase(Locale.ROOT));
    Builtins.add(g, "starts_with", new String[] {"s", "prefix"}, 2, "Whether s begins with prefix.",
        (ctx, a, loc) -> text(a[0], "starts_with", "s", loc).startsWith(text(a[1], "starts_with", "prefix", loc)));
    Builtins.add(g, "ends_with", new String[] {"s", "suffix"}, 2, "Whether s ends with suffix.",
        (ctx, a, loc) -> text(a[0], "ends_with", "s", loc).endsWith(text(a[1], "ends_with", "suffix", loc)));
    Builtins.add(g, "contains", new String[] {"xs", "x"}, 2,
        "Whether x occurs in xs: a substring of a string, an item of a list (equal as assert_eq compares), an "
            + "element of a tensor or range (x a number), a row of a matrix (x a vector of its width; generally a "
            + "slice t[i] of a tensor t, equal in shape and elements), a field name of a record. contains(\"softmax\", \"max\") "
            + "and contains([\"cg\", \"sor\"], \"sor\") are true.",
        (ctx, a, loc) -> contains(a[0], a[1], loc));
  }

  private static boolean contains(Object xs, Object x, Loc loc) {
    if (xs instanceof String s) {
      return s.contains(text(x, "contains", "x (in a string)", loc));
    }
    if (xs instanceof List<?> l) {
      for (Object item : l) {
        if (Assertions.equalValues(item, x)) {
          return true;
        }
      }
      return false;
    }
    if (xs instanceof Record r) {
      return r.indexOf(text(x, "contains", "x (a field name)", loc)) >= 0;
    }
    Tensor t = Values.asTensorOperand(xs);
    if (t == null || t.isComplex()) {
      throw new ExpError("contains: expected a string, list, tensor, range or record, got " + Values.describe(xs), loc);
    }
    if (x instanceof Tensor sub && t.rank() > 0) {
      return containsSlice(t, sub, loc);
    }
    if (!(x instanceof Double d)) {
      return false;
    }
    for (int i = 0; i < t.size(); i++) {
      if (t.at(i) == d) {
        return true;
      }
    }
    return false;
  }

  /** Whether sub equals one of t[0], t[1], ...: a row of a matrix, a plane of a rank-3 tensor. */
  private static boolean containsSlice(Tensor t, Tensor sub, Loc loc) {
    int[] itemShape = Arrays.copyOfRange(t.shape(), 1, t.rank());
    if (sub.isComplex()) {
      return false;
    }
    if (!Arrays.equals(itemShape, sub.shape())) {
      throw new ExpError("contains: x has shape " + Tensor.shapeString(sub.shape()) + " but the items of a "
          + Tensor.shapeString(t.shape()) + " tensor have shape " + Tensor.shapeString(itemShape)
          + " (x is compared with each t[i])", loc);
    }
    double[] all = t.toArray();
    double[] want = sub.toArray();
    int m = want.length;
    if (m == 0) {
      return t.dim(0) > 0;
    }
    for (int start = 0; start + m <= all.length; start += m) {
      boolean same = true;
      for (int j = 0; j < m && same; j++) {
        same = all[start + j] == want[j];
      }
      if (same) {
        return true;
      }
    }
    return false;
  }

  private static String text(Object v, String fn, String what, Loc loc) {
    if (v instanceof String s) {
      return s;
    }
    throw new ExpError(fn + ": " + what + " must be a string, got " + Values.describe(v), loc);
  }
}
