package dev.exp.eval.builtins;

import dev.exp.eval.runtime.Callable;
import dev.exp.eval.runtime.Context;
import dev.exp.eval.runtime.ExpError;
import dev.exp.eval.runtime.Ops;
import dev.exp.eval.runtime.Printer;
import dev.exp.eval.runtime.Values;
import dev.exp.tensor.Tensor;
import dev.exp.text.Numbers;
import java.util.Map;

/** assert, assert_eq, assert_close, assert_fails: the script tests' vocabulary. */
final class Assertions {
  private Assertions() {}

  static void install(Map<String, Object> g) {
    Builtins.add(g, "assert", new String[] {"cond", "message"}, 1, "Fails with the message unless cond is true.",
        (ctx, a, loc) -> {
          if (!Values.truth(a[0], loc)) {
            throw new ExpError("assertion failed" + (a[1] == null ? "" : ": " + Printer.str(a[1])), loc);
          }
          return null;
        });
    Builtins.add(g, "assert_eq", new String[] {"actual", "expected", "message"}, 2,
        "Fails unless actual equals expected exactly (tensors: same shape and values).",
        (ctx, a, loc) -> {
          if (!equalValues(a[0], a[1])) {
            throw new ExpError("assert_eq failed" + (a[2] == null ? "" : " (" + Printer.str(a[2]) + ")") + ": got "
                + Printer.repr(a[0]) + ", expected " + Printer.repr(a[1]), loc);
          }
          return null;
        });
    Builtins.add(g, "assert_close", new String[] {"actual", "expected", "rtol", "atol", "message"}, 2,
        "Fails unless |actual - expected| <= atol + rtol * |expected| element-wise (rtol 1e-9, atol 0 by default); "
            + "shapes must match.",
        (ctx, a, loc) -> {
          double rtol = a[2] == null ? 1e-9 : Values.number(a[2], "rtol", loc);
          double atol = a[3] == null ? 0 : Values.number(a[3], "atol", loc);
          Tensor x = Values.asTensorOperand(a[0]);
          Tensor y = Values.asTensorOperand(a[1]);
          String label = a[4] == null ? "" : " (" + Printer.str(a[4]) + ")";
          if (x == null || y == null) {
            throw new ExpError("assert_close needs numbers or tensors, got " + Values.describe(a[0]) + " and "
                + Values.describe(a[1]), loc);
          }
          if (x.size() != y.size() || (x.rank() > 0 && y.rank() > 0 && !x.sameShape(y))) {
            throw new ExpError("assert_close failed" + label + ": shapes differ: " + Tensor.shapeString(x.shape())
                + " vs " + Tensor.shapeString(y.shape()), loc);
          }
          if (x.isComplex() || y.isComplex()) {
            closeComplex(x, y, rtol, atol, label, loc);
            return null;
          }
          for (int i = 0; i < x.size(); i++) {
            double p = x.at(i);
            double q = y.at(i);
            boolean ok = p == q || Double.isNaN(p) && Double.isNaN(q) || Math.abs(p - q) <= atol + rtol * Math.abs(q);
            if (!ok) {
              String where = x.size() > 1 ? " at flat index " + i : "";
              throw new ExpError("assert_close failed" + label + where + ": got " + Numbers.format(p) + ", expected "
                  + Numbers.format(q) + " (difference " + Numbers.format(Math.abs(p - q)) + ", tolerance "
                  + Numbers.format(atol + rtol * Math.abs(q)) + ")", loc);
            }
          }
          return null;
        });
    Builtins.add(g, "assert_fails", new String[] {"f", "contains"}, 1,
        "Calls f() and fails unless it raises an error (whose message contains the given text); returns the message.",
        (ctx, a, loc) -> {
          Callable f = Builtins.callable(a[0], "assert_fails", loc);
          try {
            f.call(ctx, new Object[0], null, loc);
          } catch (Context.InterruptError | Context.LimitError e) {
            throw e;
          } catch (ExpError e) {
            String msg = e.getMessage();
            if (a[1] != null && !msg.contains(Printer.str(a[1]))) {
              throw new ExpError("assert_fails: the error \"" + msg + "\" does not contain \"" + Printer.str(a[1]) + "\"",
                  loc);
            }
            return msg;
          }
          throw new ExpError("assert_fails: the function did not fail", loc);
        });
  }

  /** assert_close for complex values: |actual - expected| <= atol + rtol * |expected| with complex magnitudes. */
  private static void closeComplex(Tensor x, Tensor y, double rtol, double atol, String label, dev.exp.syntax.Loc loc) {
    double[] p = x.complexRaw();
    double[] q = y.complexRaw();
    for (int i = 0; i < x.size(); i++) {
      double diff = Math.hypot(p[2 * i] - q[2 * i], p[2 * i + 1] - q[2 * i + 1]);
      double tol = atol + rtol * Math.hypot(q[2 * i], q[2 * i + 1]);
      if (!(diff <= tol) && !(p[2 * i] == q[2 * i] && p[2 * i + 1] == q[2 * i + 1])) {
        String where = x.size() > 1 ? " at flat index " + i : "";
        throw new ExpError("assert_close failed" + label + where + ": got " + Printer.complex(p[2 * i], p[2 * i + 1])
            + ", expected " + Printer.complex(q[2 * i], q[2 * i + 1]) + " (difference " + Numbers.format(diff)
            + ", tolerance " + Numbers.format(tol) + ")", loc);
      }
    }
  }

  static boolean equalValues(Object a, Object b) {
    if (a instanceof Tensor || b instanceof Tensor) {
      Tensor x = Values.asTensorOperand(a);
      Tensor y = Values.asTensorOperand(b);
      if (x == null || y == null || !x.sameShape(y)) {
        return false;
      }
      boolean complex = x.isComplex() || y.isComplex();
      return complex ? java.util.Arrays.equals(x.complexRaw(), y.complexRaw()) : java.util.Arrays.equals(x.raw(), y.raw());
    }
    return Ops.deepEquals(a, b);
  }
}
