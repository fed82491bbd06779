package dev.exp.solvers;

/** Vector kernels of the iterative methods on {@code double[]} (no temporaries). */
final class Vec {
  private Vec() {}

  static double dot(double[] a, double[] b) {
    double s = 0;
    for (int i = 0; i < a.length; i++) {
      s += a[i] * b[i];
    }
    return s;
  }

  static double norm(double[] a) {
    return Math.sqrt(dot(a, a));
  }

  /** y += alpha x. */
  static void axpy(double alpha, double[] x, double[] y) {
    for (int i = 0; i < y.length; i++) {
      y[i] += alpha * x[i];
    }
  }

  /** x *= alpha. */
  static void scale(double alpha, double[] x) {
    for (int i = 0; i < x.length; i++) {
      x[i] *= alpha;
    }
  }

  /** r = b - A x, returns ‖r‖. */
  static double residual(SolverOperator a, double[] b, double[] x, double[] r) {
    a.apply(x, r);
    double s = 0;
    for (int i = 0; i < r.length; i++) {
      double v = b[i] - r[i];
      r[i] = v;
      s += v * v;
    }
    return Math.sqrt(s);
  }
}
