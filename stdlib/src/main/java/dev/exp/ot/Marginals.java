package dev.exp.ot;

import dev.exp.kernel.KernelException;
import dev.exp.tensor.Tensor;

/** The checked inputs of a transport problem: weights a [n], b [m] (equal totals) and a finite cost [n, m]. */
final class Marginals {
  final int n;
  final int m;
  final double[] a;
  final double[] b;
  final double[] cost;
  final double total;
  final boolean uniform;

  private Marginals(int n, int m, double[] a, double[] b, double[] cost, double total, boolean uniform) {
    this.n = n;
    this.m = m;
    this.a = a;
    this.b = b;
    this.cost = cost;
    this.total = total;
    this.uniform = uniform;
  }

  /** Checks a, b (none means uniform) and C; throws a message naming the shapes and values otherwise. */
  static Marginals of(Tensor a, Tensor b, Tensor c, String fn) {
    if (c == null || c.isComplex() || c.rank() != 2) {
      throw KernelException.of("%s: C must be a real cost matrix [n, m], got %s", fn,
          c == null ? "none" : c.isComplex() ? "a complex tensor" : "shape " + Tensor.shapeString(c.shape()));
    }
    int n = c.dim(0);
    int m = c.dim(1);
    if (n == 0 || m == 0) {
      throw KernelException.of("%s: C [%d, %d] is empty", fn, n, m);
    }
    double[] cost = c.raw();
    for (int q = 0; q < cost.length; q++) {
      if (!Double.isFinite(cost[q])) {
        throw KernelException.of("%s: C[%d, %d] is %s; costs must be finite", fn, q / m, q % m, cost[q]);
      }
    }
    double[] wa = weights(a, n, "a", "rows", fn);
    double[] wb = weights(b, m, "b", "columns", fn);
    double sa = 0;
    double sb = 0;
    for (double x : wa) {
      sa += x;
    }
    for (double x : wb) {
      sb += x;
    }
    if (!(sa > 0) || Math.abs(sa - sb) > 1e-9 * Math.max(sa, sb)) {
      throw KernelException.of("%s: the weights must have equal positive totals, got sum(a) = %s and sum(b) = %s", fn,
          sa, sb);
    }
    boolean uniform = n == m && allEqual(wa) && allEqual(wb);
    return new Marginals(n, m, wa, wb, cost, sa, uniform);
  }

  private static double[] weights(Tensor w, int len, String name, String side, String fn) {
    if (w == null) {
      double[] u = new double[len];
      java.util.Arrays.fill(u, 1.0 / len);
      return u;
    }
    if (w.isComplex() || w.rank() != 1 || w.dim(0) != len) {
      throw KernelException.of("%s: %s must be a vector of %d weights (one per %s of C), got %s", fn, name, len, side,
          w.isComplex() ? "a complex tensor" : "shape " + Tensor.shapeString(w.shape()));
    }
    double[] v = w.raw().clone();
    for (int i = 0; i < len; i++) {
      if (!(v[i] >= 0) || Double.isInfinite(v[i])) {
        throw KernelException.of("%s: %s[%d] is %s; weights must be finite and >= 0", fn, name, i, v[i]);
      }
    }
    return v;
  }

  private static boolean allEqual(double[] v) {
    for (double x : v) {
      if (x != v[0]) {
        return false;
      }
    }
    return true;
  }
}
