package dev.exp.solvers;

import dev.exp.kernel.Arg;
import dev.exp.kernel.Kernel;
import dev.exp.kernel.KernelContext;
import dev.exp.linalg.LinearOperator;
import dev.exp.tensor.Tensor;
import java.util.Map;

/** BiCGSTAB (van der Vorst 1992) for nonsymmetric systems (S04). */
public final class Bicgstab {
  private Bicgstab() {}

  @Kernel(name = "solvers.bicgstab", doc = "BiCGSTAB (van der Vorst 1992) for a general square A: BiCG with a "
      + "one-step minimal-residual smoothing, two products with A per iteration, shadow residual r̂ = r0. residuals "
      + "holds ‖b − A x‖/‖b‖ (recursive) after each iteration (entry 0 for x0); it need not decrease monotonically. "
      + "Stops when it <= tol (default 1e-8) and so does the true residual then computed (else the iteration restarts "
      + "from the true residual, with r̂ reset to it, and stops with converged false and reason \"stagnated: ...\" "
      + "when a restart no longer halves it; the last entry of residuals is the true residual of the returned x), "
      + "after max_iter iterations (default max(1000, 10n)), or with reason \"breakdown: ...\" when ρ = r̂ᵀr or ω "
      + "vanishes. a is a dense matrix, sparse matrix or a function x -> A x; "
      + "b, x0 and a's entries must be finite (an error names the first bad entry). "
      + "Returns {x, iterations, residuals, converged, reason}. "
      + "Example: solvers.bicgstab(sparse.convection_diffusion(64, 100), ones(64))")
  public static Map<String, Object> bicgstab(@Arg("a") LinearOperator a, @Arg("b") Tensor b,
      @Arg(value = "x0", dflt = "none") Tensor x0, @Arg(value = "tol", dflt = "1e-8") double tol,
      @Arg(value = "max_iter", dflt = "none") Integer maxIter, KernelContext ctx) {
    String fn = "solvers.bicgstab";
    SolverOperator op = SolverOperator.forSystem(a, b, fn);
    int max = Outcome.checkLimits(tol, maxIter, op.n, fn);
    int n = op.n;
    double[] bv = b.toArray();
    double[] x = Outcome.start(x0, n, fn);
    double bn = Outcome.scale(bv);
    double stop = tol * bn;
    double[] r = new double[n];
    double rn = Vec.residual(op, bv, x, r);
    Outcome out = new Outcome();
    out.record(rn / bn);
    double[] rhat = r.clone();
    double[] p = new double[n];
    double[] v = new double[n];
    double[] s = new double[n];
    double[] t = new double[n];
    double[] tts = new double[2];
    double rho = 1;
    double alpha = 1;
    double omega = 1;
    int it = 0;
    while (true) {
      while (rn > stop) {
        if (it >= max) {
          out.confirm(op, bv, x, r, bn);
          return out.result(x, it, false, Outcome.MAX_ITER);
        }
        ctx.poll();
        double rhoNew = Vec.dot(rhat, r);
        if (rhoNew == 0 || !Double.isFinite(rhoNew)) {
          return out.result(x, it, false, "breakdown: r̂ᵀr = " + dev.exp.kernel.Numbers.format(rhoNew) + " at iteration " + (it + 1));
        }
        double beta = (rhoNew / rho) * (alpha / omega);
        rho = rhoNew;
        Vec.loops(n).bicgDirection(r, beta, omega, v, p, n);
        op.apply(p, v);
        double rv = Vec.dot(rhat, v);
        if (rv == 0 || !Double.isFinite(rv)) {
          return out.result(x, it, false, "breakdown: r̂ᵀAp = " + dev.exp.kernel.Numbers.format(rv) + " at iteration " + (it + 1));
        }
        alpha = rho / rv;
        double ss = Vec.loops(n).subtractNorm(r, alpha, v, s, n);
        it++;
        if (Math.sqrt(ss) <= stop) {
          Vec.axpy(alpha, p, x);
          rn = Math.sqrt(ss);
          out.record(rn / bn);
          break;
        }
        op.apply(s, t);
        Vec.loops(n).dot2(t, s, n, tts);
        double tt = tts[0];
        omega = tt == 0 ? 0 : tts[1] / tt;
        double rr = Vec.loops(n).bicgStep(alpha, p, omega, s, t, x, r, n);
        rn = Math.sqrt(rr);
        out.record(rn / bn);
        if (omega == 0 && rn > stop) {
          return out.result(x, it, false, "breakdown: ω = 0 at iteration " + it);
        }
      }
      // as in CG: the updated residual drifts from b − A x; check the truth, restart from it while it improves
      Map<String, Object> settled = out.settle(op, bv, x, r, bn, tol, it);
      if (settled != null) {
        return settled;
      }
      rn = out.confirmed();
      System.arraycopy(r, 0, rhat, 0, n);
      java.util.Arrays.fill(p, 0);
      java.util.Arrays.fill(v, 0);
      rho = 1;
      alpha = 1;
      omega = 1;
    }
  }
}
