package dev.exp.solvers;

import dev.exp.sparse.SolverLoops;

/**
 * Vector kernels of the iterative methods on {@code double[]} (no temporaries), on the loops chosen at
 * start-up ({@link SolverLoops#active()}: vector or scalar, bit-identical).
 */
final class Vec {
  private Vec() {}

  /** The active loops. */
  static final SolverLoops LOOPS = SolverLoops.active();

  static double dot(double[] a, double[] b) {
    return LOOPS.dot(a, b, a.length);
  }

  static double norm(double[] a) {
    return Math.sqrt(dot(a, a));
  }

  /** y += alpha x. */
  static void axpy(double alpha, double[] x, double[] y) {
    LOOPS.axpy(alpha, x, y, y.length);
  }

  /** x *= alpha. */
  static void scale(double alpha, double[] x) {
    LOOPS.scale(alpha, x, x.length);
  }

  /** r = b - A x, returns ‖r‖. */
  static double residual(SolverOperator a, double[] b, double[] x, double[] r) {
    a.apply(x, r);
    return Math.sqrt(LOOPS.subtractNorm(b, 1, r, r, r.length));
  }
}
