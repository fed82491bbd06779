package dev.exp.solvers;

import dev.exp.kernel.Arg;
import dev.exp.kernel.Kernel;
import dev.exp.kernel.KernelContext;
import dev.exp.linalg.LinearOperator;
import dev.exp.tensor.Tensor;
import java.util.Map;

/** MINRES (Paige–Saunders) for symmetric, possibly indefinite systems (S04). */
public final class Minres {
  private Minres() {}

  @Kernel(name = "solvers.minres", doc = "MINRES (Paige & Saunders 1975) for A x = b with A symmetric, possibly "
      + "indefinite (nonsingular): the Lanczos process with a QR factorisation by Givens rotations minimises ‖b − A x‖ "
      + "over the Krylov space with short recurrences. residuals are the recurrence's residual norms ‖r_k‖/‖b‖ "
      + "(nonincreasing; entry 0 for x0; the last entry is the true ‖b − A x‖/‖b‖ of the returned x); the solve stops when that estimate <= tol (default 1e-8), then checks the "
      + "true residual (a gap beyond 10·tol is reported as not converged, with reason \"stagnated: ...\" for a matrix: tol is "
      + "then below what double precision reaches). max_iter defaults to max(1000, 10n). a is a "
      + "dense matrix, sparse matrix or a function x -> A x (a dense or sparse a is checked for symmetry, relative "
      + "tolerance 1e-10; a function is assumed symmetric); b, x0 and a's entries must be finite. Returns {x, iterations, residuals, converged, reason}. "
      + "Example: solvers.minres(a, b).x")
  public static Map<String, Object> minres(@Arg("a") LinearOperator a, @Arg("b") Tensor b,
      @Arg(value = "x0", dflt = "none") Tensor x0, @Arg(value = "tol", dflt = "1e-8") double tol,
      @Arg(value = "max_iter", dflt = "none") Integer maxIter, KernelContext ctx) {
    String fn = "solvers.minres";
    SolverOperator op = SolverOperator.forSystem(a, b, fn);
    boolean checked = op.requireSymmetric();
    int max = Outcome.checkLimits(tol, maxIter, op.n, fn);
    int n = op.n;
    double[] bv = b.toArray();
    double[] x = Outcome.start(x0, n, fn);
    double bn = Outcome.scale(bv);
    double stop = tol * bn;
    double[] r1 = new double[n];
    double beta1 = Vec.residual(op, bv, x, r1);
    Outcome out = new Outcome();
    out.record(beta1 / bn);
    if (beta1 <= stop) {
      return out.result(x, 0, true, Outcome.TOLERANCE);
    }
    double[] r2 = r1.clone();
    double[] y = r1.clone();
    double[] v = new double[n];
    double[] w = new double[n];
    double[] w1 = new double[n];
    double[] w2 = new double[n];
    double oldb = 0;
    double beta = beta1;
    double dbar = 0;
    double epsln = 0;
    double phibar = beta1;
    double cs = -1;
    double sn = 0;
    int it = 0;
    String reason = null;
    while (true) {
      if (it >= max) {
        reason = Outcome.MAX_ITER;
        break;
      }
      ctx.poll();
      it++;
      double s = 1 / beta;
      for (int i = 0; i < n; i++) {
        v[i] = s * y[i];
      }
      op.apply(v, y);
      if (it >= 2) {
        Vec.axpy(-beta / oldb, r1, y);
      }
      double alfa = Vec.dot(v, y);
      Vec.axpy(-alfa / beta, r2, y);
      double[] t = r1;
      r1 = r2;
      r2 = t;
      System.arraycopy(y, 0, r2, 0, n);
      oldb = beta;
      beta = Vec.norm(r2);
      double oldeps = epsln;
      double delta = cs * dbar + sn * alfa;
      double gbar = sn * dbar - cs * alfa;
      epsln = sn * beta;
      dbar = -cs * beta;
      double gamma = Math.max(Math.hypot(gbar, beta), Double.MIN_NORMAL);
      cs = gbar / gamma;
      sn = beta / gamma;
      double phi = cs * phibar;
      phibar = sn * phibar;
      double denom = 1 / gamma;
      double[] tw = w1;
      w1 = w2;
      w2 = w;
      w = tw;
      for (int i = 0; i < n; i++) {
        w[i] = (v[i] - oldeps * w1[i] - delta * w2[i]) * denom;
        x[i] += phi * w[i];
      }
      out.record(Math.abs(phibar) / bn);
      if (!Double.isFinite(phibar)) {
        reason = Outcome.overflow(phibar / bn, it);
        break;
      }
      if (Math.abs(phibar) <= stop) {
        break;
      }
      if (beta == 0) {
        break;
      }
    }
    double rn = out.confirm(op, bv, x, r1, bn);   // the last entry becomes the true residual
    if (reason != null) {
      return out.result(x, it, false, reason);
    }
    if (rn > 10 * stop + 1e-14 * bn) {
      // a checked symmetric A: rounding bounds the true residual (about cond(A)·ε); a function may not be symmetric
      return out.result(x, it, false, checked ? Outcome.stagnated(rn / bn, tol) : String.format(java.util.Locale.ROOT,
          "breakdown: the recurrence reached tol but the true residual is %.3g (is the function's A symmetric? "
          + "or tol is out of reach in double precision)", rn / bn));
    }
    return out.result(x, it, true, Outcome.TOLERANCE);
  }
}
