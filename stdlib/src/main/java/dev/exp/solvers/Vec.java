package dev.exp.solvers;

import dev.exp.sparse.SolverLoops;

/**
 * Vector kernels of the iterative methods on {@code double[]} (no temporaries), on the loops in use
 * ({@link SolverLoops#active(long)}: scalar, then vector after enough work; bit-identical).
 */
final class Vec {
  private Vec() {}

  /** The loops for a pass over n elements. */
  static SolverLoops loops(int n) {
    return SolverLoops.active(n);
  }

  static double dot(double[] a, double[] b) {
    return loops(a.length).dot(a, b, a.length);
  }

  static double norm(double[] a) {
    return Math.sqrt(dot(a, a));
  }

  /** y += alpha x. */
  static void axpy(double alpha, double[] x, double[] y) {
    loops(y.length).axpy(alpha, x, y, y.length);
  }

  /** x *= alpha. */
  static void scale(double alpha, double[] x) {
    loops(x.length).scale(alpha, x, x.length);
  }

  /** r = b - A x, returns ‖r‖. */
  static double residual(SolverOperator a, double[] b, double[] x, double[] r) {
    a.apply(x, r);
    return Math.sqrt(loops(r.length).subtractNorm(b, 1, r, r, r.length));
  }
}
