package dev.exp.tensor;

import dev.exp.kernel.KernelException;

/**
 * The arithmetic of the {@code norm} kernel ({@link Reductions#norm}): vector norms of one lane
 * (the 2-norm as a scaled sum of squares, so extreme values neither overflow nor underflow; inf,
 * -inf, 0, 1 and any other p) and the matrix norms p = ±1, ±2, ±inf, "fro" and "nuc".
 */
final class Norms {
  private Norms() {}

  /** The p-norm of the n values from off with stride st. */
  static double vectorNorm(double[] a, int off, int st, int n, double p) {
    if (p == 2) {
      // scaled sum of squares: no overflow/underflow for extreme values
      double scale = 0;
      double ssq = 1;
      for (int i = 0; i < n; i++) {
        double v = Math.abs(a[off + i * st]);
        if (Double.isNaN(v)) {
          return v;
        }
        if (v != 0) {
          if (v == Double.POSITIVE_INFINITY) {
            return v;
          }
          if (scale < v) {
            ssq = 1 + ssq * (scale / v) * (scale / v);
            scale = v;
          } else {
            ssq += (v / scale) * (v / scale);
          }
        }
      }
      return scale * Math.sqrt(ssq);
    }
    if (p == Double.POSITIVE_INFINITY) {
      double m = 0;
      for (int i = 0; i < n; i++) {
        double v = Math.abs(a[off + i * st]);
        if (Double.isNaN(v)) {
          return v;
        }
        m = Math.max(m, v);
      }
      return m;
    }
    if (p == Double.NEGATIVE_INFINITY) {
      double m = Double.POSITIVE_INFINITY;
      for (int i = 0; i < n; i++) {
        m = Math.min(m, Math.abs(a[off + i * st]));
      }
      return m;
    }
    if (p == 0) {
      int c = 0;
      for (int i = 0; i < n; i++) {
        c += a[off + i * st] != 0 ? 1 : 0;
      }
      return c;
    }
    if (p == 1) {
      double s = 0;
      for (int i = 0; i < n; i++) {
        s += Math.abs(a[off + i * st]);
      }
      return s;
    }
    double m = 0;
    for (int i = 0; i < n; i++) {
      m = Math.max(m, Math.abs(a[off + i * st]));
    }
    if (m == 0 || Double.isInfinite(m) || Double.isNaN(m)) {
      return m;
    }
    double s = 0;
    for (int i = 0; i < n; i++) {
      s += Math.pow(Math.abs(a[off + i * st]) / m, p);
    }
    return m * Math.pow(s, 1 / p);
  }

  /**
   * The p-norm of a real matrix: the largest (p = 1) or smallest (-1) column sum of |x|, row sum (inf,
   * -inf) or singular value (2, -2). An empty matrix has norm 0.
   */
  static double matrixNorm(Tensor x, double p) {
    int r = x.dim(0);
    int c = x.dim(1);
    double[] a = x.raw();
    if (Math.abs(p) == 1 || Double.isInfinite(p)) {
      if (r == 0 || c == 0) {
        return 0;
      }
      boolean cols = Math.abs(p) == 1;
      boolean largest = p > 0;
      int outer = cols ? c : r;
      double best = largest ? 0 : Double.POSITIVE_INFINITY;
      for (int o = 0; o < outer; o++) {
        double s = cols ? vectorNorm(a, o, c, r, 1) : vectorNorm(a, o * c, 1, c, 1);
        if (Double.isNaN(s)) {
          return s;
        }
        best = largest ? Math.max(best, s) : Math.min(best, s);
      }
      return best;
    }
    if (Math.abs(p) == 2) {
      if (r == 0 || c == 0) {
        return 0;
      }
      double[] s = dev.exp.linalg.Linalg.singularValues(x);
      return p > 0 ? s[0] : s[s.length - 1];
    }
    throw KernelException.of("norm: matrix norms support p = 1, -1, 2, -2, inf, -inf, \"fro\" or \"nuc\" "
        + "(p none = Frobenius), got p = %s", TensorArgs.fmt(p));
  }

  /** The named norm of a real matrix: "fro" (Frobenius) or "nuc" (nuclear: the sum of the singular values). */
  static double matrixNorm(Tensor x, String name) {
    if (name.equals("fro")) {
      return vectorNorm(x.raw(), 0, 1, x.size(), 2);
    }
    if (x.size() == 0) {
      return 0;
    }
    double sum = 0;
    for (double v : dev.exp.linalg.Linalg.singularValues(x)) {
      sum += v;
    }
    return sum;
  }
}
