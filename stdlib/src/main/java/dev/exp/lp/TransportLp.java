package dev.exp.lp;

import dev.exp.kernel.KernelContext;
import dev.exp.kernel.KernelException;

/** The transportation problem min ⟨P, C⟩, P·1 = a, Pᵀ·1 = b, P >= 0 as a dense LP for the simplex. */
public final class TransportLp {
  private TransportLp() {}

  /**
   * The optimal plan [n·m] row-major. The last column-sum row is implied by the others (equal totals)
   * and is left out, so the equality system has full rank.
   */
  public static double[] solve(double[] a, double[] b, double[] cost, int n, int m, KernelContext ctx) {
    int vars = n * m;
    int rows = n + m - 1;
    double[] aEq = new double[rows * vars];
    double[] bEq = new double[rows];
    for (int i = 0; i < n; i++) {
      for (int j = 0; j < m; j++) {
        aEq[i * vars + i * m + j] = 1;
      }
      bEq[i] = a[i];
    }
    for (int j = 0; j < m - 1; j++) {
      for (int i = 0; i < n; i++) {
        aEq[(n + j) * vars + i * m + j] = 1;
      }
      bEq[n + j] = b[j];
    }
    double[] lo = new double[vars];
    double[] hi = new double[vars];
    java.util.Arrays.fill(hi, Double.POSITIVE_INFINITY);
    LpProblem p = new LpProblem(cost.clone(), new double[0], new double[0], aEq, bEq, lo, hi);
    LpSolution s = SimplexEngine.solve(p, 1_000_000, ctx, false);
    if (!s.status.equals("optimal")) {
      throw new KernelException("ot.emd: the transportation LP ended with status " + s.status + ": " + s.message);
    }
    double[] x = s.x;
    for (int q = 0; q < x.length; q++) {
      x[q] = Math.max(0, x[q]);
    }
    return x;
  }
}
