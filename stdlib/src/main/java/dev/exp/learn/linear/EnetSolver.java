package dev.exp.learn.linear;

import dev.exp.kernel.KernelContext;
import dev.exp.learn.Dense;

/**
 * A prepared elastic-net problem in scikit-learn's scaling, min ½‖y − X̃w‖² + l1‖w‖₁ + ½ l2‖w‖² on
 * centred data, solved for one penalty at a time from a warm start (a regularisation path reuses it).
 */
interface EnetSolver {
  /** X̃ᵀy of the centred data. */
  double[] xty();

  /** The column means x̄ the design is centred by (zeros without an intercept). */
  double[] xMean();

  /** A solver of the same design for other centred targets (a column of a 2-D y), sharing the design's preparation. */
  EnetSolver target(double[] yc);

  /** Whether the sums formed from the design are finite (else X holds non-finite or overflowing values). */
  boolean finite();

  /** Solves in place from the warm start w; stops when the duality gap is below tol·‖y‖² or after maxIter sweeps. */
  Outcome solve(double[] w, double l1, double l2, double tol, int maxIter, KernelContext ctx);

  /** The outcome of one solve: sweeps, the duality gap reached (unscaled) and whether it is below the tolerance. */
  record Outcome(int iterations, double gap, boolean converged) {}

  /**
   * The Gram form when it pays (forming X̃ᵀX̃ costs n·d², against about 2n·d per sweep on the columns:
   * it needs n ≥ 2d and d small next to the expected sweeps — a path of many penalties sums them), else
   * the working-set form on the columns.
   */
  static EnetSolver of(double[] x, boolean intercept, double[] yc, int n, int d, int fits) {
    if (n >= 2 * d && d <= 40L * fits) {
      return new CoordinateDescent(x, intercept ? Dense.colMeans(x, n, d) : new double[d], yc, n, d);
    }
    return new WorkingSet(x, intercept, yc, n, d);
  }
}
