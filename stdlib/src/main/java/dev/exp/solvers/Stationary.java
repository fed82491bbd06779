package dev.exp.solvers;

import dev.exp.kernel.Arg;
import dev.exp.kernel.Kernel;
import dev.exp.kernel.KernelContext;
import dev.exp.linalg.LinearOperator;
import dev.exp.sparse.Csr;
import dev.exp.tensor.Tensor;
import java.util.Map;

/** Stationary iterative methods (S03): Jacobi, Gauss–Seidel, SOR(ω), SSOR(ω). */
public final class Stationary {
  private Stationary() {}

  static final String COMMON = " a is a dense or sparse square matrix with a nonzero diagonal. Stops when the "
      + "relative residual ‖b − A x‖/‖b‖ <= tol (default 1e-8), checked after every sweep, or after max_iter sweeps "
      + "(default max(1000, 10n)); x0 defaults to zeros; b, x0 and a's entries must be finite (an error names the first "
      + "bad entry). Returns {x, iterations, residuals (after each sweep, entry "
      + "0 for x0), converged, reason (\"tolerance reached\" or \"max_iter reached\")}.";
  static final String ORDER = " order: \"natural\" (default) or \"red_black\" (all unknowns of one colour of a "
      + "2-colourable matrix graph, e.g. the Poisson stencils, then the other).";

  @Kernel(name = "solvers.jacobi", doc = "The (weighted) Jacobi iteration x ← x + weight·D⁻¹(b − A x), D = diag(A); "
      + "weight defaults to 1 (plain Jacobi). Converges for strictly diagonally dominant A; on the 2-D Poisson "
      + "matrix its spectral radius is cos(πh)." + COMMON + " Example: solvers.jacobi(sparse.poisson2d(16), b, tol: 1e-6)")
  public static Map<String, Object> jacobi(@Arg("a") LinearOperator a, @Arg("b") Tensor b,
      @Arg(value = "weight", dflt = "1") double weight, @Arg(value = "x0", dflt = "none") Tensor x0,
      @Arg(value = "tol", dflt = "1e-8") double tol, @Arg(value = "max_iter", dflt = "none") Integer maxIter,
      KernelContext ctx) {
    return run("solvers.jacobi", a, b, Sweep.Method.JACOBI, weight, "natural", x0, tol, maxIter, ctx);
  }

  @Kernel(name = "solvers.gauss_seidel", doc = "Gauss–Seidel: one forward sweep x_i ← (b_i − Σ_{j≠i} a_ij x_j)/a_ii "
      + "per iteration, using the newest values (SOR with ω = 1)." + ORDER + COMMON
      + " Example: solvers.gauss_seidel(a, b, tol: 1e-6).iterations")
  public static Map<String, Object> gaussSeidel(@Arg("a") LinearOperator a, @Arg("b") Tensor b,
      @Arg(value = "x0", dflt = "none") Tensor x0, @Arg(value = "tol", dflt = "1e-8") double tol,
      @Arg(value = "max_iter", dflt = "none") Integer maxIter, @Arg(value = "order", dflt = "\"natural\"") String order,
      KernelContext ctx) {
    return run("solvers.gauss_seidel", a, b, Sweep.Method.SOR, 1, order, x0, tol, maxIter, ctx);
  }

  @Kernel(name = "solvers.sor", doc = "Successive over-relaxation: the Gauss–Seidel update relaxed by omega in (0, 2), "
      + "x_i ← x_i + ω·(b_i − Σ_j a_ij x_j)/a_ii. On the 2-D Poisson model problem the best ω is 2/(1 + sin πh)."
      + ORDER + COMMON + " Example: solvers.sor(a, b, 1.8, tol: 1e-6).iterations")
  public static Map<String, Object> sor(@Arg("a") LinearOperator a, @Arg("b") Tensor b, @Arg("omega") double omega,
      @Arg(value = "x0", dflt = "none") Tensor x0, @Arg(value = "tol", dflt = "1e-8") double tol,
      @Arg(value = "max_iter", dflt = "none") Integer maxIter, @Arg(value = "order", dflt = "\"natural\"") String order,
      KernelContext ctx) {
    return run("solvers.sor", a, b, Sweep.Method.SOR, omega, order, x0, tol, maxIter, ctx);
  }

  @Kernel(name = "solvers.ssor", doc = "Symmetric SOR: a forward then a backward SOR sweep with omega in (0, 2) "
      + "(default 1, symmetric Gauss–Seidel) per iteration; its iteration is symmetrisable for symmetric A, which "
      + "makes it a CG preconditioner (solvers.pcg preconditioner: \"ssor\")." + ORDER + COMMON
      + " Example: solvers.ssor(a, b, omega: 1.5).iterations")
  public static Map<String, Object> ssor(@Arg("a") LinearOperator a, @Arg("b") Tensor b,
      @Arg(value = "omega", dflt = "1") double omega, @Arg(value = "x0", dflt = "none") Tensor x0,
      @Arg(value = "tol", dflt = "1e-8") double tol, @Arg(value = "max_iter", dflt = "none") Integer maxIter,
      @Arg(value = "order", dflt = "\"natural\"") String order, KernelContext ctx) {
    return run("solvers.ssor", a, b, Sweep.Method.SSOR, omega, order, x0, tol, maxIter, ctx);
  }

  static Map<String, Object> run(String fn, LinearOperator a, Tensor b, Sweep.Method method, double omega, String order,
      Tensor x0, double tol, Integer maxIter, KernelContext ctx) {
    SolverOperator op = SolverOperator.forSystem(a, b, fn);
    Sweep sweep = new Sweep(Csr.entries(a, fn, "a"), method, omega, order, fn);
    int max = Outcome.checkLimits(tol, maxIter, op.n, fn);
    double[] bv = b.toArray();
    double[] x = Outcome.start(x0, op.n, fn);
    double bn = Outcome.scale(bv);
    double[] r = new double[op.n];
    double rn = Vec.residual(op, bv, x, r);
    Outcome out = new Outcome();
    out.record(rn / bn);
    double stop = tol * bn;
    if (rn <= stop) {
      return out.result(x, 0, true, Outcome.TOLERANCE);
    }
    // The sweep from x_k reports ‖b − A x_k‖ (computed inside it): when x_k has converged, the step
    // just taken is undone, so iterations and x are those of the first iterate within tol.
    double[] prev = new double[op.n];
    int it = 0;
    while (true) {
      if (it >= max) {
        rn = Vec.residual(op, bv, x, r);
        if (it > 0) {
          out.record(rn / bn);
        }
        boolean ok = rn <= stop;
        return out.result(x, it, ok, ok ? Outcome.TOLERANCE : Outcome.MAX_ITER);
      }
      ctx.poll();
      System.arraycopy(x, 0, prev, 0, op.n);
      rn = Math.sqrt(sweep.step(bv, x));
      if (it > 0) {
        out.record(rn / bn);
        if (!Double.isFinite(rn)) {
          return out.result(prev, it, false, "breakdown: the iteration diverged (residual " + dev.exp.tensor.TensorArgs.fmt(rn) + ")");
        }
        if (rn <= stop) {
          return out.result(prev, it, true, Outcome.TOLERANCE);
        }
      }
      it++;
    }
  }
}
