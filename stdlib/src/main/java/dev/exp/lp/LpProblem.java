package dev.exp.lp;

import dev.exp.kernel.KernelException;
import dev.exp.kernel.Values;
import dev.exp.tensor.Tensor;
import java.util.List;

/** A checked dense LP: min cᵀx, A_ub·x <= b_ub, A_eq·x = b_eq, lo <= x <= hi (row-major matrices). */
final class LpProblem {
  final int n;
  final int mUb;
  final int mEq;
  final double[] c;
  final double[] aUb;
  final double[] bUb;
  final double[] aEq;
  final double[] bEq;
  final double[] lo;
  final double[] hi;

  LpProblem(double[] c, double[] aUb, double[] bUb, double[] aEq, double[] bEq, double[] lo, double[] hi) {
    this.n = c.length;
    this.c = c;
    this.aUb = aUb;
    this.bUb = bUb;
    this.aEq = aEq;
    this.bEq = bEq;
    this.lo = lo;
    this.hi = hi;
    this.mUb = bUb.length;
    this.mEq = bEq.length;
  }

  /** Checks the script arguments of {@code fn}; errors name the argument and its shape. */
  static LpProblem of(Tensor c, Tensor aUb, Tensor bUb, Tensor aEq, Tensor bEq, Object bounds, String fn) {
    if (c.isComplex() || c.rank() != 1 || c.dim(0) == 0) {
      throw KernelException.of("%s: c must be a non-empty real vector, got %s", fn, Values.describe(c));
    }
    int n = c.dim(0);
    double[][] ub = rows(aUb, bUb, n, "A_ub", "b_ub", fn);
    double[][] eq = rows(aEq, bEq, n, "A_eq", "b_eq", fn);
    double[] lo = new double[n];
    double[] hi = new double[n];
    bounds(bounds, n, lo, hi, fn);
    return new LpProblem(finite(c.raw().clone(), "c", fn), ub[0], ub[1], eq[0], eq[1], lo, hi);
  }

  private static double[][] rows(Tensor a, Tensor b, int n, String an, String bn, String fn) {
    if (a == null && b == null) {
      return new double[][] {new double[0], new double[0]};
    }
    if (a == null || b == null) {
      throw KernelException.of("%s: %s and %s go together (got only %s)", fn, an, bn, a == null ? bn : an);
    }
    Tensor m = a.rank() == 1 && a.dim(0) == n ? a.reshape(1, n) : a;
    if (m.isComplex() || m.rank() != 2 || m.dim(1) != n) {
      throw KernelException.of("%s: %s must be a matrix [rows, %d] (one column per entry of c), got %s", fn, an, n,
          Values.describe(a));
    }
    if (b.isComplex() || b.rank() > 1 || b.size() != m.dim(0)) {
      throw KernelException.of("%s: %s must be a vector of %d values (one per row of %s), got %s", fn, bn, m.dim(0),
          an, Values.describe(b));
    }
    return new double[][] {finite(m.raw().clone(), an, fn), finite(b.raw().clone(), bn, fn)};
  }

  private static double[] finite(double[] v, String name, String fn) {
    for (int i = 0; i < v.length; i++) {
      if (!Double.isFinite(v[i])) {
        throw KernelException.of("%s: %s has a non-finite entry %s at flat index %d", fn, name, v[i], i);
      }
    }
    return v;
  }

  private static void bounds(Object b, int n, double[] lo, double[] hi, String fn) {
    if (b == null) {
      java.util.Arrays.fill(hi, Double.POSITIVE_INFINITY);
      return;
    }
    if (b instanceof Tensor t) {
      if (t.isComplex() || !(t.rank() == 1 && t.dim(0) == 2 || t.rank() == 2 && t.dim(0) == n && t.dim(1) == 2)) {
        throw KernelException.of("%s: bounds must be a pair [lo, hi] or %d pairs (a tensor [%d, 2]), got %s", fn, n,
            n, Values.describe(t));
      }
      double[] v = t.raw();
      for (int k = 0; k < n; k++) {
        int o = t.rank() == 1 ? 0 : 2 * k;
        set(k, v[o], v[o + 1], lo, hi, fn);
      }
      return;
    }
    if (b instanceof List<?> l) {
      if (l.size() == 2 && !(l.get(0) instanceof List<?>) && !(l.get(0) instanceof Tensor)
          && !(l.get(1) instanceof List<?>) && !(l.get(1) instanceof Tensor)) {
        for (int k = 0; k < n; k++) {
          set(k, num(l.get(0), true, fn), num(l.get(1), false, fn), lo, hi, fn);
        }
        return;
      }
      if (l.size() != n) {
        throw KernelException.of("%s: bounds must be one pair [lo, hi] or %d pairs (one per variable), got %d entries",
            fn, n, l.size());
      }
      for (int k = 0; k < n; k++) {
        Object e = l.get(k);
        List<?> pair = e instanceof Tensor t && t.rank() == 1 && t.dim(0) == 2
            ? List.of(t.at(0), t.at(1)) : e instanceof List<?> q ? q : null;
        if (pair == null || pair.size() != 2) {
          throw KernelException.of("%s: bounds[%d] must be a pair [lo, hi], got %s", fn, k, Values.describe(e));
        }
        set(k, num(pair.get(0), true, fn), num(pair.get(1), false, fn), lo, hi, fn);
      }
      return;
    }
    throw KernelException.of("%s: bounds must be none, a pair [lo, hi] or a list of pairs, got %s", fn,
        Values.describe(b));
  }

  private static double num(Object o, boolean lower, String fn) {
    if (o == null) {
      return lower ? Double.NEGATIVE_INFINITY : Double.POSITIVE_INFINITY;
    }
    if (o instanceof Number x) {
      return x.doubleValue();
    }
    if (o instanceof Tensor t && t.size() == 1) {
      return t.at(0);
    }
    throw KernelException.of("%s: a bound must be a number or none, got %s", fn, Values.describe(o));
  }

  private static void set(int k, double l, double h, double[] lo, double[] hi, String fn) {
    if (Double.isNaN(l) || Double.isNaN(h) || l > h || l == Double.POSITIVE_INFINITY
        || h == Double.NEGATIVE_INFINITY) {
      throw KernelException.of("%s: bounds of x[%d] must satisfy lo <= hi, got [%s, %s]", fn, k, l, h);
    }
    lo[k] = l;
    hi[k] = h;
  }

  /** b_ub − A_ub·x. */
  double[] slack(double[] x) {
    return residual(aUb, bUb, x);
  }

  /** b_eq − A_eq·x. */
  double[] con(double[] x) {
    return residual(aEq, bEq, x);
  }

  private double[] residual(double[] a, double[] b, double[] x) {
    double[] r = new double[b.length];
    for (int i = 0; i < b.length; i++) {
      double s = b[i];
      for (int k = 0; k < n; k++) {
        s -= a[i * n + k] * x[k];
      }
      r[i] = s;
    }
    return r;
  }
}
