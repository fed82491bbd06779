package dev.exp.solvers;

import dev.exp.kernel.Arg;
import dev.exp.kernel.Kernel;
import dev.exp.kernel.KernelContext;
import dev.exp.linalg.LinearOperator;
import dev.exp.tensor.Tensor;
import java.util.Map;

/** Conjugate gradients and preconditioned CG for symmetric positive definite systems (S04). */
public final class ConjugateGradient {
  private ConjugateGradient() {}

  static final String COMMON = " a is a dense matrix, a sparse matrix or a function x -> A x (matrix-free, sized by b); "
      + "a dense or sparse a is checked for symmetry (relative tolerance 1e-10), a function is assumed symmetric. "
      + "b, x0 and a's entries must be finite (an error names the first bad entry; a function returning NaN or inf "
      + "is an error too). "
      + "Stops when the relative residual ‖b − A x‖/‖b‖ <= tol (default 1e-8) or after max_iter steps (default "
      + "max(1000, 10n)); x0 defaults to zeros. The residual the iteration updates drifts from b − A x by rounding, so "
      + "when it meets tol the true residual is computed: converged is true only when that meets tol too; otherwise the "
      + "iteration restarts from it, and when a restart no longer halves it the solve stops with converged false and "
      + "reason \"stagnated: ...\" (tol is below what double precision reaches, about cond(A)·1e-16). Returns {x, "
      + "iterations, residuals (relative residual after each step as the iteration updates it, entry 0 for x0; the "
      + "last entry is the true ‖b − A x‖/‖b‖ of the returned x), converged, reason (\"tolerance reached\", "
      + "\"max_iter reached\", \"stagnated: ...\" or \"breakdown: ...\")}.";

  @Kernel(name = "solvers.cg", doc = "Conjugate gradients (Hestenes–Stiefel) for A x = b with A symmetric positive "
      + "definite. The residual is updated recursively (r ← r − α·A p), as in SciPy; in exact arithmetic CG ends in at "
      + "most n steps. A nonpositive curvature pᵀA p <= 0 stops with reason \"breakdown: ...\"." + COMMON
      + " Example: solvers.cg(sparse.poisson2d(64), ones(4096), tol: 1e-10).iterations")
  public static Map<String, Object> cg(@Arg("a") LinearOperator a, @Arg("b") Tensor b,
      @Arg(value = "x0", dflt = "none") Tensor x0, @Arg(value = "tol", dflt = "1e-8") double tol,
      @Arg(value = "max_iter", dflt = "none") Integer maxIter, KernelContext ctx) {
    String fn = "solvers.cg";
    SolverOperator op = SolverOperator.forSystem(a, b, fn);
    op.requireSymmetric();
    int max = Outcome.checkLimits(tol, maxIter, op.n, fn);
    return solve(op, b.toArray(), Outcome.start(x0, op.n, fn), null, tol, max, ctx);
  }

  @Kernel(name = "solvers.pcg", doc = "Preconditioned conjugate gradients for SPD A: CG on M⁻¹A x = M⁻¹b with a "
      + "symmetric positive definite M. preconditioner: \"jacobi\" (M = diag(A), default), \"ssor\" (M = "
      + "ω/(2−ω)·(D/ω + L)·D⁻¹·(D/ω + U), with omega, default 1), \"ic0\" (incomplete Cholesky with the pattern of "
      + "tril(A); an error names the row where a pivot is <= 0) or \"none\"; these need A's entries (dense or "
      + "sparse). Or give m_inv: a matrix, sparse matrix or function r -> M⁻¹ r (then preconditioner is ignored). "
      + "residuals are the unpreconditioned ‖b − A x‖/‖b‖." + COMMON
      + " Example: solvers.pcg(a, b, preconditioner: \"ic0\").iterations")
  public static Map<String, Object> pcg(@Arg("a") LinearOperator a, @Arg("b") Tensor b,
      @Arg(value = "preconditioner", dflt = "\"jacobi\"") String preconditioner,
      @Arg(value = "omega", dflt = "1") double omega, @Arg(value = "m_inv", dflt = "none") LinearOperator mInv,
      @Arg(value = "x0", dflt = "none") Tensor x0, @Arg(value = "tol", dflt = "1e-8") double tol,
      @Arg(value = "max_iter", dflt = "none") Integer maxIter, KernelContext ctx) {
    String fn = "solvers.pcg";
    SolverOperator op = SolverOperator.forSystem(a, b, fn);
    op.requireSymmetric();
    int max = Outcome.checkLimits(tol, maxIter, op.n, fn);
    Preconditioner m = mInv != null ? Preconditioner.of(mInv, op.n, fn) : Preconditioner.named(preconditioner, a, omega, fn);
    return solve(op, b.toArray(), Outcome.start(x0, op.n, fn), m, tol, max, ctx);
  }

  /** CG (m == null) or PCG, in place on x. */
  static Map<String, Object> solve(SolverOperator a, double[] b, double[] x, Preconditioner m, double tol, int max,
      KernelContext ctx) {
    int n = a.n;
    double bn = Outcome.scale(b);
    double[] r = new double[n];
    double rn = x0IsZero(x) ? copyNorm(b, r) : Vec.residual(a, b, x, r);
    double[] z = m == null ? r : new double[n];
    if (m != null) {
      m.apply(r, z);
    }
    double[] p = z.clone();
    double[] q = new double[n];
    double rz = m == null ? rn * rn : Vec.dot(r, z);
    Outcome out = new Outcome();
    out.record(rn / bn);
    double stop = tol * bn;
    int it = 0;
    while (true) {
      while (rn > stop) {
        if (it >= max) {
          out.confirm(a, b, x, r, bn);
          return out.result(x, it, false, Outcome.MAX_ITER);
        }
        ctx.poll();
        double pq = a.applyDot(p, q);
        if (!Double.isFinite(pq)) {
          return out.result(x, it, false, Outcome.overflow(pq, it + 1).replace("the residual", "pᵀAp"));
        }
        if (!(pq > 0)) {
          return out.result(x, it, false, "breakdown: pᵀAp = " + dev.exp.kernel.Numbers.format(pq) + " <= 0 at iteration "
              + (it + 1) + " (the operator is not positive definite)");
        }
        double alpha = rz / pq;
        double rr = Vec.loops(n).cgStep(alpha, p, q, x, r, n);
        it++;
        rn = Math.sqrt(rr);
        out.record(rn / bn);
        if (rn <= stop) {
          break;
        }
        double rzNew;
        if (m == null) {
          rzNew = rr;
        } else {
          m.apply(r, z);
          rzNew = Vec.dot(r, z);
          if (!(rzNew > 0)) {
            return out.result(x, it, false, preconditionerBreakdown(rzNew, it));
          }
        }
        double beta = rzNew / rz;
        rz = rzNew;
        Vec.loops(n).xpby(z, beta, p, n);
      }
      // the recursive residual drifts from b − A x by rounding: check the truth, restart from it while it improves
      Map<String, Object> settled = out.settle(a, b, x, r, bn, tol, it);
      if (settled != null) {
        return settled;
      }
      rn = out.confirmed();
      if (m != null) {
        m.apply(r, z);   // z is r itself without a preconditioner
      }
      System.arraycopy(z, 0, p, 0, n);
      rz = m == null ? rn * rn : Vec.dot(r, z);
      if (m != null && !(rz > 0)) {
        return out.result(x, it, false, preconditionerBreakdown(rz, it));
      }
    }
  }

  private static String preconditionerBreakdown(double rz, int it) {
    return String.format(java.util.Locale.ROOT,
        "breakdown: rᵀM⁻¹r = %.3g <= 0 at step %d (the preconditioner is not positive definite)", rz, it);
  }

  private static boolean x0IsZero(double[] x) {
    for (double v : x) {
      if (v != 0) {
        return false;
      }
    }
    return true;
  }

  private static double copyNorm(double[] b, double[] r) {
    System.arraycopy(b, 0, r, 0, b.length);
    return Vec.norm(r);
  }
}
