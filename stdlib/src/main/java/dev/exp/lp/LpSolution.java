package dev.exp.lp;

/** The outcome of a linear program: status, primal point, objective, multipliers and iteration count. */
final class LpSolution {
  final String status;
  final String message;
  final double[] x;
  final double fun;
  /** ineqlin [mUb], eqlin [mEq], lower [n], upper [n] (SciPy's marginals), or null. */
  final double[][] duals;
  final int iterations;

  LpSolution(String status, String message, double[] x, double fun, double[][] duals, int iterations) {
    this.status = status;
    this.message = message;
    this.x = x;
    this.fun = fun;
    this.duals = duals;
    this.iterations = iterations;
  }
}
