package dev.exp.solvers;

import dev.exp.kernel.Arg;
import dev.exp.kernel.Kernel;
import dev.exp.kernel.KernelContext;
import dev.exp.kernel.KernelException;
import dev.exp.linalg.LinearOperator;
import dev.exp.tensor.Tensor;
import java.util.Map;

/** Restarted GMRES(m) with modified Gram–Schmidt and Givens rotations (S04). */
public final class Gmres {
  private Gmres() {}

  @Kernel(name = "solvers.gmres", doc = "Restarted GMRES(m) for a general square A: each cycle builds an orthonormal "
      + "Krylov basis of up to restart vectors (default 20) by modified Gram–Schmidt, keeps the small least-squares "
      + "problem triangular with Givens rotations, and minimises ‖b − A x‖ over x0 + the Krylov space. residuals holds "
      + "the relative residual after every inner iteration (the rotations' estimate, which never increases within a "
      + "cycle; entry 0 for x0); iterations counts inner iterations (matrix–vector products) and max_iter bounds them "
      + "(default max(1000, 10n)). A cycle ends early when the estimate reaches tol; the solve stops when the true "
      + "residual ‖b − A x‖/‖b‖ <= tol (default 1e-8). With restart = n it converges in at most n iterations in exact "
      + "arithmetic. a is a dense matrix, sparse matrix or a function x -> A x; b, x0 and a's entries must be finite "
      + "(an error names the first bad entry). Returns {x, iterations, residuals, "
      + "converged, reason}. Example: solvers.gmres(sparse.convection_diffusion(32, 50, dim: 2), b, restart: 30)")
  public static Map<String, Object> gmres(@Arg("a") LinearOperator a, @Arg("b") Tensor b,
      @Arg(value = "restart", dflt = "20") int restart, @Arg(value = "x0", dflt = "none") Tensor x0,
      @Arg(value = "tol", dflt = "1e-8") double tol, @Arg(value = "max_iter", dflt = "none") Integer maxIter,
      KernelContext ctx) {
    String fn = "solvers.gmres";
    SolverOperator op = SolverOperator.forSystem(a, b, fn);
    int max = Outcome.checkLimits(tol, maxIter, op.n, fn);
    if (restart < 1) {
      throw KernelException.of("%s: restart must be >= 1, got %d", fn, restart);
    }
    int n = op.n;
    int m = Math.min(restart, n);
    double[] bv = b.toArray();
    double[] x = Outcome.start(x0, n, fn);
    double bn = Outcome.scale(bv);
    double stop = tol * bn;
    double[][] v = new double[m + 1][n];
    double[][] h = new double[m + 1][m];
    double[] cs = new double[m];
    double[] sn = new double[m];
    double[] g = new double[m + 1];
    double[] w = new double[n];
    Outcome out = new Outcome();
    int total = 0;
    boolean first = true;
    while (true) {
      double beta = Vec.residual(op, bv, x, v[0]);
      if (first) {
        out.record(beta / bn);
        first = false;
      }
      if (beta <= stop) {
        return out.result(x, total, true, Outcome.TOLERANCE);
      }
      if (!Double.isFinite(beta)) {
        return out.result(x, total, false, Outcome.overflow(beta / bn, total));
      }
      if (total >= max) {
        return out.result(x, total, false, Outcome.MAX_ITER);
      }
      Vec.scale(1 / beta, v[0]);
      java.util.Arrays.fill(g, 0);
      g[0] = beta;
      int k = 0;
      boolean stagnated = false;
      for (int j = 0; j < m && total < max; j++) {
        ctx.poll();
        op.apply(v[j], w);
        for (int i = 0; i <= j; i++) {
          double hij = Vec.dot(w, v[i]);
          h[i][j] = hij;
          Vec.axpy(-hij, v[i], w);
        }
        double hn = Vec.norm(w);
        h[j + 1][j] = hn;
        for (int i = 0; i < j; i++) {
          double t = cs[i] * h[i][j] + sn[i] * h[i + 1][j];
          h[i + 1][j] = -sn[i] * h[i][j] + cs[i] * h[i + 1][j];
          h[i][j] = t;
        }
        double rho = Math.hypot(h[j][j], hn);
        if (rho == 0) {
          stagnated = true;
          break;
        }
        cs[j] = h[j][j] / rho;
        sn[j] = hn / rho;
        h[j][j] = rho;
        h[j + 1][j] = 0;
        g[j + 1] = -sn[j] * g[j];
        g[j] *= cs[j];
        total++;
        k = j + 1;
        out.record(Math.abs(g[j + 1]) / bn);
        if (!Double.isFinite(g[j + 1])) {
          return out.result(x, total, false, Outcome.overflow(g[j + 1] / bn, total));
        }
        if (Math.abs(g[j + 1]) <= stop || hn == 0) {
          break;
        }
        for (int i = 0; i < n; i++) {
          v[j + 1][i] = w[i] / hn;
        }
      }
      // y = R⁻¹ g, x += V y
      double[] y = new double[k];
      for (int i = k - 1; i >= 0; i--) {
        double s = g[i];
        for (int l = i + 1; l < k; l++) {
          s -= h[i][l] * y[l];
        }
        y[i] = s / h[i][i];
      }
      for (int i = 0; i < k; i++) {
        Vec.axpy(y[i], v[i], x);
      }
      if (stagnated || k == 0) {
        double rn = Vec.residual(op, bv, x, w);
        return out.result(x, total, rn <= stop, rn <= stop ? Outcome.TOLERANCE
            : "breakdown: the Krylov space stopped growing before the tolerance was reached");
      }
    }
  }
}
